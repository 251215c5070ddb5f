import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { shippedReference, type BudgetLineKey } from '../../../src/domain';
import type { DisclosureFacts } from '../../../src/domain/disclosure';
import { compareTables } from '../../../src/domain/disclosure/layouts/compare';
import {
  leafTitles,
  renderShanghai9,
  SHANGHAI_TABLE_IDS,
  yuanCell,
  wanCell,
} from '../../../src/domain/disclosure/layouts/shanghai-9';
import { planDisclosureImport } from '../../../src/import/disclosure/disclosure-plan';
import { parseDisclosure } from '../../../src/interchange';

/** The shanghai-9 renderer on facts planned from the parsed Shanghai sample (no database). */
const text = fs.readFileSync(
  path.join(__dirname, '../../../data/samples/shanghai-finance-bureau-2025-unit-budget.txt'),
  'utf8',
);
const parsed = parseDisclosure(text);
const ref = shippedReference(2025);
const plan = planDisclosureImport({
  parsed,
  text,
  departmentCode: '310',
  fiscalYear: 2025,
  fileName: 'sh.txt',
  sha256: '0'.repeat(64),
  reference: ref,
});

function factsOf(): DisclosureFacts {
  const lines = plan.steps.flatMap((s) =>
    s.command.type === 'AllocateInitialBudget'
      ? (s.command.data.lines as { line: BudgetLineKey; amount: string }[])
      : [],
  );
  return {
    fiscalYear: 2025,
    department: { code: '310', name: '上海市财政局' },
    units: [{ code: '310001', name: '上海市财政局', kind: 'administrative' }],
    lines,
    projects: [],
    priorYear: null,
    performanceForms: [],
    procurement: null,
    assets: null,
  };
}

test('the plan is accepted and every printed figure is reproduced', () => {
  expect(plan.problems).toEqual([]);
  expect(plan.ok).toBe(true);
  expect(plan.figures.unreproduced).toEqual([]);
  expect(plan.figures.compared).toBeGreaterThan(400);
});

test('rendered from the planned lines, the nine tables print every figure of the document', () => {
  const sh = renderShanghai9(factsOf(), ref);
  const tables = SHANGHAI_TABLE_IDS.map((id) => sh.tables[id]);
  expect(tables.map((t) => t.title)).toEqual(parsed.tables.map((t) => t.title));
  expect(tables.map((t) => t.moneyUnit)).toEqual(parsed.tables.map((t) => t.moneyUnit));
  expect(tables.map((t) => t.columns)).toEqual(
    parsed.tables.map((t) => t.columns.filter((r) => r.some((c) => c !== ''))),
  );
  const cmp = compareTables(parsed.tables, tables);
  expect(cmp.mismatches).toEqual([]);
  expect(cmp.printed).toBe(263);
});

test('empty tables (government fund, state capital) print only 合计 and say 本表无数据', () => {
  const sh = renderShanghai9(factsOf(), ref);
  for (const id of ['sh06', 'sh07'] as const) {
    expect(sh.tables[id].rows).toHaveLength(1);
    expect(sh.tables[id].note).toBe('本表无数据');
  }
  expect(leafTitles(sh.tables.sh03)).toEqual([
    '类',
    '款',
    '项',
    '功能分类科目名称',
    '合计',
    '基本支出',
    '项目支出',
  ]);
});

test('money cells: whole 元 half-up, 万元 half-up to 2 decimals, zero empty', () => {
  expect(yuanCell(0)).toBeNull();
  expect(yuanCell(926573349)).toBe('9265733');
  expect(yuanCell(926573350)).toBe('9265734');
  expect(wanCell(2517777900)).toBe('2517.78');
  expect(wanCell(0)).toBeNull();
  expect(wanCell(0, '0.00')).toBe('0.00');
});

test('a document with 单位资金 of one kind (事业收入) is refused, not merged', () => {
  const changed = text.replace(
    '201 | 06 | 01 | 行政运行 | 84,861,719 | 84,861,719 |  |  | ',
    '201 | 06 | 01 | 行政运行 | 84,861,719 | 84,861,719 | 5 |  | ',
  );
  const p = planDisclosureImport({
    parsed: parseDisclosure(changed),
    text: changed,
    departmentCode: '310',
    fiscalYear: 2025,
    fileName: 'sh.txt',
    sha256: '0'.repeat(64),
    reference: ref,
  });
  expect(p.ok).toBe(false);
  expect(p.problems.length).toBeGreaterThan(0);
});

describe('the variants and the 元 of a document (ShanghaiStyle)', () => {
  it('元 with 2 decimals print every fen exactly, and 0 as an empty cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
        const cell = yuanCell(fen, 2);
        if (fen === 0) expect(cell).toBeNull();
        else expect(Math.round(Number(cell) * 100)).toBe(fen);
      }),
    );
  });

  it('the 部门 variant prints the same facts: table 1 by 类 in one 预算数 column, the 合计 of the 单位 variant; the other eight tables alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (shift) => {
        const facts = factsOf();
        // Move `shift` fen from the first line to the last: any split of the facts.
        const lines = facts.lines.map((l) => ({ ...l }));
        const [a, b] = [lines[0]!, lines.at(-1)!];
        const fen = (x: string) => Math.round(Number(x) * 100);
        const fenA = fen(a.amount);
        if (fenA <= shift) return;
        b.amount = ((fen(b.amount) + shift) / 100).toFixed(2);
        a.amount = ((fenA - shift) / 100).toFixed(2);
        const f = { ...facts, lines };
        const unit = renderShanghai9(f, ref, { variant: 'unit', decimals: 2 });
        const dept = renderShanghai9(f, ref, { variant: 'department', decimals: 2 });
        expect(dept.tables.sh01.keys).toEqual([
          'revenueItem',
          'revenueAmount',
          'expenditureItem',
          'total',
        ]);
        expect(dept.tables.sh01.rows.map((r) => r.cells)).toEqual(
          unit.tables.sh01.rows.map((r) => r.cells.slice(0, 4)),
        );
        for (const id of SHANGHAI_TABLE_IDS.filter((x) => x !== 'sh01'))
          expect(dept.tables[id].rows).toEqual(unit.tables[id].rows);
        expect(dept.tables.sh01.title).toBe('2025年部门财务收支预算总表');
      }),
      { numRuns: 20 },
    );
  });
});
