import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService } from '../../src/app/ledger-service';
import { loadDisclosure } from '../../src/app/disclosures';
import { exportDisclosure } from '../../src/cli/export';
import { importDisclosure } from '../../src/app/import-disclosure';
import { compareTables } from '../../src/domain/disclosure/layouts/compare';
import {
  renderShanghai9,
  SHANGHAI_TABLE_IDS,
} from '../../src/domain/disclosure/layouts/shanghai-9';
import { parseDisclosure } from '../../src/interchange';
import { useLedgerDatabase } from '../support/db';

/**
 * The Shanghai sample (上海市财政局 2025, 9-table layout, 元) imported into a fresh ledger; the
 * disclosure built from the ledger rendered in the shanghai-9 layout and compared with every
 * figure of the document's tables 1–9, exactly (元; table 9 万元).
 */
const SOURCE = path.join(
  __dirname,
  '../../data/samples/shanghai-finance-bureau-2025-unit-budget.txt',
);
const text = fs.readFileSync(SOURCE, 'utf8');
const parsed = parseDisclosure(text);
const DEPT = '310';
const ledger = useLedgerDatabase();
let service: LedgerService;

const eventCount = async () =>
  Number((await ledger.db.ownerPool.query('SELECT count(*) n FROM events')).rows[0].n);

beforeAll(async () => {
  service = new LedgerService(ledger.store);
});

/** The Shanghai tables of the department's 2025 disclosure as the ledger builds them, in yuan. */
async function ledgerTables() {
  const { facts, reference } = await loadDisclosure(
    ledger.db.appPool,
    { departmentCode: DEPT, fiscalYear: 2025, moneyUnit: 'yuan' },
    service.references.current,
  );
  const rendered = renderShanghai9(facts, reference);
  return SHANGHAI_TABLE_IDS.map((id) => rendered.tables[id]);
}

test('the sample parses as the 9-table layout with nothing un-understood', () => {
  expect(parsed.layout).toBe('shanghai-9');
  expect(parsed.tables).toHaveLength(9);
  expect(parsed.issues.filter((i) => i.severity === 'warning')).toEqual([]);
});

test('importing the Shanghai sample reproduces every figure of its tables 1–9 in the shanghai-9 layout', async () => {
  const r = await importDisclosure(service, ledger.store, {
    fileName: 'shanghai-finance-bureau-2025-unit-budget.txt',
    text,
    departmentCode: DEPT,
    fiscalYear: 2025,
  });
  expect(r.problems).toEqual([]);
  expect(r.ok).toBe(true);
  expect(r.steps.every((s) => s.status === 'applied')).toBe(true);
  // Its derived allocations record the Shanghai layout's own method, not the 13-table one's.
  const { rows } = await ledger.db.ownerPool.query<{ reason: string }>(
    `SELECT metadata->>'reason' AS reason FROM events WHERE type = 'InitialBudgetAllocated'`,
  );
  const derived = rows.map((x) => JSON.parse(x.reason)).filter((x) => x.derived);
  expect(derived.length).toBeGreaterThan(0);
  for (const x of derived) expect(x.method).toMatch(/^shanghai-9 margin fit/);

  const tables = await ledgerTables();
  expect(tables.map((t) => t.title)).toEqual(parsed.tables.map((t) => t.title));
  const cmp = compareTables(parsed.tables, tables);
  expect(cmp.mismatches).toEqual([]);
  expect(cmp.printed).toBeGreaterThan(250);
  // Spot checks, as printed.
  expect(tables[0]!.rows.at(-1)!.cells).toEqual([
    '收入总计',
    '171915169',
    '支出总计',
    '171915169',
    '102464260',
    '25177779',
    '44273130',
  ]);
  expect(tables[8]!.rows[0]!.cells).toEqual([
    '346.30',
    '288.70',
    '25.40',
    '32.20',
    null,
    '32.20',
    '2517.78',
  ]);
});

test('export --layout shanghai-9 --format csv writes the nine tables as published', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sh9-'));
  const files = await exportDisclosure(
    ledger.db.appPool,
    {
      unit: DEPT,
      year: 2025,
      format: 'csv',
      out,
      layout: 'shanghai-9',
    },
    service.references.current,
  );
  expect(files.map((f) => path.basename(f))).toEqual(SHANGHAI_TABLE_IDS.map((id) => `${id}.csv`));
  const sh08 = fs.readFileSync(path.join(out, 'sh08.csv'), 'utf8');
  expect(sh08.split('\r\n')[0]).toBe('类,款,部门经济分类科目名称,合计,人员经费,公用经费');
  expect(sh08).toContain('302,,商品和服务支出,24840779,,24840779');
  expect(sh08).toContain('302,09,物业管理费,9265733,,9265733');
  fs.rmSync(out, { recursive: true, force: true });
});

test('export --layout shanghai-9 --format xlsx: nine sheets as published, amounts as numbers, merged headers', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sh9-xlsx-'));
  const [file] = await exportDisclosure(
    ledger.db.appPool,
    {
      unit: DEPT,
      year: 2025,
      format: 'xlsx',
      out,
      layout: 'shanghai-9',
    },
    service.references.current,
  );
  expect(path.basename(file!)).toBe('disclosure.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file!);
  const tables = await ledgerTables();
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(tables.map((_, i) => `表${i + 1}`));
  tables.forEach((t, i) => {
    const ws = wb.worksheets[i]!;
    expect(ws.getCell(1, 1).value).toBe(t.title);
    // Every row, every cell as the layout renders it: amounts as numbers, text as text, blanks
    // blank.
    const first = 3 + t.columns.length;
    t.rows.forEach((r, k) =>
      r.cells.forEach((c, j) => {
        const v = ws.getCell(first + k, j + 1).value;
        if (c === null || c === '') expect(v).toBeNull();
        else expect(v).toBe(t.kinds[j] === 'amount' ? Number(c) : c);
      }),
    );
  });
  // 表1's header: 收入 over its two columns, 支出 over the rest (merged as published).
  const sh01 = wb.worksheets[0]!;
  expect(sh01.getCell(3, 1).value).toBe(tables[0]!.columns[0]![0]);
  expect(sh01.getCell(3, 1).isMerged).toBe(true);
  expect(sh01.getCell(3 + tables[0]!.columns.length + tables[0]!.rows.length - 1, 2).value).toBe(
    171915169,
  );
  fs.rmSync(out, { recursive: true, force: true });
});

test('basic allocations are recorded as derived; re-importing appends nothing', async () => {
  const events = (await ledger.store.readStream(`budget-${DEPT}001-2025`)).filter(
    (e) => e.type === 'InitialBudgetAllocated',
  );
  expect(events.length).toBe(6);
  for (const e of events)
    expect(e.metadata.documentRef).toMatch(
      /^shanghai-finance-bureau-2025-unit-budget\.txt sha256:[0-9a-f]{64}$/,
    );
  const before = await eventCount();
  const r = await importDisclosure(service, ledger.store, {
    fileName: 'shanghai-finance-bureau-2025-unit-budget.txt',
    text,
    departmentCode: DEPT,
    fiscalYear: 2025,
  });
  expect(r.ok).toBe(true);
  expect(r.steps.every((s) => s.status === 'already-imported')).toBe(true);
  expect(await eventCount()).toBe(before);
});
