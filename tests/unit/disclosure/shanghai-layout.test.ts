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
