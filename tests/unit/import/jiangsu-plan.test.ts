import Decimal from 'decimal.js';
import fs from 'node:fs';
import path from 'node:path';
import { shippedReference } from '../../../src/domain';
import {
  JIANGSU_RESERVE_PROJECT,
  renderJiangsu12,
} from '../../../src/domain/disclosure/layouts/jiangsu-12';
import { parseDisclosure, type ParsedDisclosure } from '../../../src/interchange';
import { planDisclosureImport } from '../../../src/import/disclosure/disclosure-plan';
import { JIANGSU_DERIVATION_METHOD } from '../../../src/import/disclosure/jiangsu';

/**
 * The Jiangsu plan on the 2019 corpus document (江苏省人大常委会办公厅): what the layout prints only
 * as totals is derived, and said; what it prints and the ledger cannot hold is refused.
 */
const NAME = 'jiangsu-npc-standing-committee-office-2019-dept-budget-tables';
const text = fs.readFileSync(
  path.join(__dirname, '../../../data/corpus/text', `${NAME}.txt`),
  'utf8',
);

const planOf = (parsed: ParsedDisclosure) =>
  planDisclosureImport({
    parsed,
    text,
    departmentCode: '401',
    fiscalYear: 2019,
    fileName: `${NAME}.txt`,
    sha256: '0'.repeat(64),
    reference: shippedReference(2019),
  });
type Allocation = { lines: { line: { functionalCode: string; kind: string }; amount: string }[] };

describe('given the 2019 Jiangsu document', () => {
  const parsed = parseDisclosure(text);
  const plan = planOf(parsed);

  it('when planned, then it imports with the jiangsu-12 method and every allocation derived', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.ok).toBe(true);
    expect(plan.method).toBe(JIANGSU_DERIVATION_METHOD);
    const allocations = plan.steps.filter((s) => s.command.type === 'AllocateInitialBudget');
    expect(allocations.length).toBeGreaterThan(1);
    expect(allocations.every((s) => s.derived)).toBe(true);
    expect(plan.figures.unreproduced).toEqual([]);
  });

  it("then each 项's basic and project lines add up to its printed total in table 7", () => {
    const lines = plan.steps
      .filter((s) => s.command.type === 'AllocateInitialBudget')
      .flatMap((s) => (s.command.data as Allocation).lines);
    const js07 = parsed.tables.find((t) => t.id === 'js07')!;
    for (const row of js07.rows.filter((r) => r.code?.length === 7)) {
      const yuan = lines
        .filter((l) => l.line.functionalCode === row.code)
        .reduce((s, l) => s.plus(l.amount), new Decimal(0));
      expect(yuan.toFixed(2)).toBe(new Decimal(String(row.cells[1])).times(10_000).toFixed(2));
    }
  });

  it('then the printed 单位预留机动经费 is a project of that name, printed back in its own row', () => {
    expect(plan.notes.join('\n')).toMatch(/单位预留机动经费 2557\.89 万元: project R01/);
    const reserve = plan.steps.find((s) => s.key === 'project:R01')!;
    expect(reserve.summary).toContain(JIANGSU_RESERVE_PROJECT);
  });

  it('when it prints 上年结转资金, then the plan refuses it (not imported), nothing guessed', () => {
    const js01 = parsed.tables.find((t) => t.id === 'js01')!;
    const changed = {
      ...parsed,
      tables: parsed.tables.map((t) =>
        t !== js01
          ? t
          : {
              ...t,
              rows: t.rows.map((r) =>
                r.key === 'revenue.carriedOver' ? { ...r, cells: [r.cells[0]!, '12.00'] } : r,
              ),
            },
      ),
    };
    const refused = planOf(changed);
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('上年结转资金 is not imported'),
    ]);
  });
});

describe('the jiangsu-12 renderer', () => {
  it('prints the lines of the project named 单位预留机动经费 in its row, not under 项目支出', () => {
    const ref = shippedReference(2019);
    const key = (projectCode: string) => ({
      unitCode: '401001',
      fiscalYear: 2019,
      fundSource: 'general-public' as const,
      functionalCode: '2010102',
      kind: 'project' as const,
      deptEconCode: '30299',
      govEconCode: '50299',
      projectCode,
      origin: 'current' as const,
    });
    const project = (code: string, name: string) => ({
      code,
      name,
      category: 'specific-goal' as const,
      attribute: 'one-off' as const,
      period: '1年',
      procurement: [],
      unitCode: '401001',
    });
    const layout = renderJiangsu12(
      {
        fiscalYear: 2019,
        department: { code: '401', name: '测试部门' },
        units: [{ code: '401001', name: '测试部门', kind: 'administrative' }],
        lines: [
          { line: key('P01'), amount: '300000.00' },
          { line: key('R01'), amount: '120000.00' },
        ],
        projects: [project('P01', '会议项目'), project('R01', JIANGSU_RESERVE_PROJECT)],
        priorYear: null,
        performanceForms: [],
        procurement: null,
        assets: null,
      },
      ref,
    );
    const row = (id: 'js01' | 'js04', k: string) =>
      layout.tables[id].rows.find((r) => r.key === k)!.cells[1];
    expect(row('js01', 'purpose.project')).toBe('30.00');
    expect(row('js01', 'purpose.reserve')).toBe('12.00');
    expect(row('js04', 'purpose.reserve')).toBe('12.00');
    expect(layout.tables.js03.rows[0]!.cells).toEqual(['42.00', null, '30.00', '12.00', null]);
  });
});
