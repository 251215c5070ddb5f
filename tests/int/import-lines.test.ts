import fs from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import seedLines from '../../data/seed/fenyang-2024/lines.json';
import { LedgerService } from '../../src/app/ledger-service';
import { shippedReference } from '../../src/domain';
import { importLines, reportText, type ImportLinesOptions } from '../../src/import/import-lines';
import { syntheticRows, toCsv, toGrid, type SyntheticRow } from '../../bench/synthetic';
import { lineBalances } from '../../src/projections/budget-lines';
import { loadDisclosure } from '../../src/app/disclosures';
import { aggregatePostings } from '../../src/projections/read-aggregate';
import { linePage } from '../../src/projections/read-queries';
import { PROJECT_ROOT } from '../../src/paths';
import { loadSeed } from '../../src/seed/run';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();
let service: LedgerService;

const UNIT = '019001';
const YEAR = 2024;
const base = {
  unitCode: UNIT,
  fiscalYear: YEAR,
  actor: 'officer:019-import',
  date: '2024-02-01',
} as const;
const run = (bytes: Buffer, o: Partial<ImportLinesOptions> = {}) =>
  importLines(service, ledger.store, {
    ...base,
    fileName: 'lines.csv',
    bytes,
    kind: 'allocation',
    ...o,
  });

async function eventCount(): Promise<number> {
  const { rows } = await ledger.db.ownerPool.query<{ n: string }>(
    'SELECT count(*) AS n FROM events',
  );
  return Number(rows[0]!.n);
}

/** 1,000 distinct valid rows of 019001; row i is file line i + 2. */
const rows = () => syntheticRows(UNIT, '019001', 1000, shippedReference(YEAR));

async function xlsxOf(grid: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('lines');
  for (const r of grid)
    ws.addRow(
      r.map((c, i) =>
        i === grid[0]!.indexOf('amount') && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c,
      ),
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  service = new LedgerService(ledger.store);
  await loadSeed(service, ledger.store, ledger.db.appPool);
}, 120_000);

test('import-lines reports how long each phase took, in order, up to the phase that stopped it', async () => {
  const seen = (into: string[]) => (phase: string, ms: number) => {
    expect(ms).toBeGreaterThanOrEqual(0);
    into.push(phase);
  };
  const dry: string[] = [];
  expect((await run(Buffer.from(toCsv(rows())), { dryRun: true, onPhase: seen(dry) })).ok).toBe(
    true,
  );
  expect(dry).toEqual(['parse', 'units', 'decide']);
  // A cell the file's own checks refuse, and a line the domain refuses (a code not in the year's
  // list), are found while the units are decided: nothing is applied.
  const badCell = rows();
  badCell[0]!.amount = '1.005';
  const stoppedEarly: string[] = [];
  expect((await run(Buffer.from(toCsv(badCell)), { onPhase: seen(stoppedEarly) })).ok).toBe(false);
  expect(stoppedEarly).toEqual(['parse', 'units', 'decide']);
  const badLine = rows();
  badLine[0]!.functional_code = '2019999';
  const refused: string[] = [];
  expect((await run(Buffer.from(toCsv(badLine)), { onPhase: seen(refused) })).ok).toBe(false);
  expect(refused).toEqual(['parse', 'units', 'decide']);
  const applied: string[] = [];
  expect((await run(Buffer.from(toCsv(rows().slice(0, 10))), { onPhase: seen(applied) })).ok).toBe(
    true,
  );
  expect(applied).toEqual(['parse', 'units', 'decide', 'apply']);
});

describe('import-lines: one bad line among 1,000', () => {
  test('CSV: reports exactly that line with its rule, and appends nothing', async () => {
    const data = rows();
    data[499]!.functional_code = '2019999';
    const before = await eventCount();
    const r = await run(Buffer.from(toCsv(data)));
    expect(r.ok).toBe(false);
    expect(r.rows).toBe(1000);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      line: 501,
      column: 'functional_code',
      ruleId: 'code.unknown',
    });
    expect(await eventCount()).toBe(before);
  });

  test('XLSX: the same, with a bad amount (more than 2 decimals) in a numeric cell', async () => {
    const data = rows();
    data[733]!.amount = '12.345';
    const before = await eventCount();
    const r = await run(await xlsxOf(toGrid(data)), { fileName: 'lines.xlsx' });
    expect(r.format).toBe('xlsx');
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 735, column: 'amount', ruleId: 'money.format' }),
    ]);
    expect(await eventCount()).toBe(before);
  });

  test('every error is reported at once, each with its line number; a duplicate line names its first line', async () => {
    const data = rows().slice(0, 50);
    data[3]!.kind = 'salary';
    Object.assign(data[10]!, {
      kind: 'personnel',
      dept_econ_code: '30201',
      gov_econ_code: '50201',
      project_code: '',
    }); // personnel money on a 302 code
    data[20]!.amount = '-5.00';
    data[30] = { ...data[29]! };
    data[40]!.unit_code = '999999';
    const r = await run(Buffer.from(toCsv(data)));
    expect(r.errors.map((e) => [e.line, e.ruleId])).toEqual([
      [5, 'input.invalid'],
      [12, 'line.kind-economic'],
      [22, 'money.positive'],
      [32, 'line.duplicate'],
      [42, 'unit.unknown'],
    ]);
    expect(r.errors[3]!.message).toContain('line 31');
  });
});

describe("import-lines: errors found by the domain alone are reported as the file's own checks report them", () => {
  // The first pass leaves the amount, the line rules and (within one command) duplicates to the
  // domain's decision; a refusal makes the file checked again in full, so the report is the same.
  type Spoil = (d: SyntheticRow[]) => void;
  test.each<[string, Spoil, [number, string | null, string]]>([
    ['a line given twice', (d) => void (d[30] = { ...d[29]! }), [32, null, 'line.duplicate']],
    [
      'an amount with three decimals',
      (d) => void (d[30]!.amount = '1.005'),
      [32, 'amount', 'money.format'],
    ],
    ['a zero amount', (d) => void (d[30]!.amount = '0'), [32, 'amount', 'money.positive']],
  ])('%s: that line, nothing applied', async (_name, spoil, expected) => {
    const data = rows().slice(0, 50);
    spoil(data);
    const before = await eventCount();
    const r = await run(Buffer.from(toCsv(data)));
    expect(r.errors.map((e) => [e.line, e.column, e.ruleId])).toEqual([expected]);
    expect(await eventCount()).toBe(before);
  });

  test("a line given twice in two commands of one unit (split into chunks) is found by the file's own check", async () => {
    const data = rows().slice(0, 50);
    data[45] = { ...data[2]! };
    const r = await run(Buffer.from(toCsv(data)), { chunkLines: 20 });
    expect(r.errors.map((e) => [e.line, e.ruleId])).toEqual([[47, 'line.duplicate']]);
    expect(r.errors[0]!.message).toContain('line 4');
  });
});

describe('import-lines: the unit of a line', () => {
  test("a unit code no stream may have is reported on its line, with the file's other errors, and nothing is applied", async () => {
    const data = rows().slice(0, 20);
    data[4]!.unit_code = '019-001';
    data[11]!.functional_code = '2019999';
    const before = await eventCount();
    const r = await run(Buffer.from(toCsv(data)));
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.line, e.column, e.ruleId])).toEqual([
      [6, 'unit_code', 'input.invalid'],
      [13, 'functional_code', 'code.unknown'],
    ]);
    expect(await eventCount()).toBe(before);
  });

  test("a header error counts the file's lines", async () => {
    const r = await run(Buffer.from(toCsv(rows().slice(0, 7)).replace('amount', 'amt')));
    expect(r.errors.map((e) => e.ruleId)).toEqual(['import.header']);
    expect(reportText('lines.csv', r)).toContain('1 error in 7 lines; nothing applied');
  });

  test('commands are reported in the order of their first line, units interleaved', async () => {
    const ref = shippedReference(YEAR);
    const a = syntheticRows('019001', '019001', 30, ref, 41);
    const b = syntheticRows('019002', '019002', 12, ref, 43);
    // a a b a a b …: 019001's chunks of 10 start on file lines 2, 17, 32; 019002's on 4 and 31.
    const data = [
      ...a.map((r, i) => ({ r, at: i * 1.5 })),
      ...b.map((r, i) => ({ r, at: 1.25 + i * 3 })),
    ]
      .sort((x, y) => x.at - y.at)
      .map((x) => x.r);
    const firstLine = (unit: string, k: number) =>
      data.findIndex(
        (r, i) =>
          r.unit_code === unit &&
          data.slice(0, i + 1).filter((x) => x.unit_code === unit).length === k * 10 + 1,
      ) + 2;
    const r = await importLines(service, ledger.store, {
      ...base,
      unitCode: '019',
      fileName: 'interleaved.csv',
      bytes: Buffer.from(toCsv(data)),
      kind: 'allocation',
      chunkLines: 10,
      allocationId: 'interleaved',
      dryRun: true,
    });
    expect(r.errors).toEqual([]);
    const expected = [
      ...[0, 1, 2].map((k) => ({
        unit: '019001',
        id: `interleaved-${k + 1}`,
        line: firstLine('019001', k),
      })),
      ...[0, 1].map((k) => ({
        unit: '019002',
        id: `interleaved-${k + 1}`,
        line: firstLine('019002', k),
      })),
    ].sort((x, y) => x.line - y.line);
    expect(r.commands.map((c) => [c.unitCode, c.id])).toEqual(expected.map((e) => [e.unit, e.id]));
    expect(new Set(expected.map((e) => e.unit)).size).toBe(2);
    expect(expected.map((e) => e.unit)).not.toEqual([...expected.map((e) => e.unit)].sort());
  });
});

describe('import-lines: a valid file', () => {
  test('the documented templates (data/templates) are valid files for the seed', async () => {
    for (const [name, kind] of [
      ['budget-lines.csv', 'allocation'],
      ['budget-adjustments.csv', 'adjustments'],
    ] as const) {
      const bytes = fs.readFileSync(path.join(PROJECT_ROOT, 'data', 'templates', name));
      const r = await run(bytes, { fileName: name, kind, dryRun: true });
      expect(r.errors).toEqual([]);
      expect(r.commands.every((c) => c.status === 'would-apply')).toBe(true);
    }
  });

  test('applies as one allocation event through the write path; re-importing appends nothing', async () => {
    const csv = Buffer.from(toCsv(rows()));
    const before = await eventCount();
    const dry = await run(csv, { dryRun: true });
    expect(dry.ok).toBe(true);
    expect(dry.commands).toEqual([
      expect.objectContaining({
        status: 'would-apply',
        lines: 1000,
        type: 'AllocateInitialBudget',
      }),
    ]);
    expect(await eventCount()).toBe(before);

    const balancesBefore = await lineBalances(ledger.db.appPool, [UNIT], YEAR);
    const r = await run(csv);
    expect(r.ok).toBe(true);
    expect(r.commands).toEqual([
      expect.objectContaining({ status: 'applied', unitCode: UNIT, lines: 1000 }),
    ]);
    expect(await eventCount()).toBe(before + 1);
    const { rows: ev } = await ledger.db.ownerPool.query<{
      data: { lines: unknown[] };
      metadata: { documentRef: string };
    }>(
      "SELECT data, metadata FROM events WHERE type = 'InitialBudgetAllocated' ORDER BY global_position DESC LIMIT 1",
    );
    expect(ev[0]!.data.lines).toHaveLength(1000);
    expect(ev[0]!.metadata.documentRef).toBe(`lines.csv sha256:${r.sha256}`);
    const after = await lineBalances(ledger.db.appPool, [UNIT], YEAR);
    const total = (xs: { amount: string }[]) =>
      xs.reduce((a, x) => a + Math.round(Number(x.amount) * 100), 0);
    const fileTotal = rows().reduce((a, x) => a + Math.round(Number(x.amount) * 100), 0);
    expect(total(after) - total(balancesBefore)).toBe(fileTotal);

    const again = await run(csv, { date: '2024-03-01' });
    expect(again.ok).toBe(true);
    expect(again.commands.map((c) => c.status)).toEqual(['already-imported']);
    expect(await eventCount()).toBe(before + 1);
  });

  test('XLSX with lines of two units of the department (--unit 019), split into chunks', async () => {
    const ref = shippedReference(YEAR);
    const data = [
      ...syntheticRows('019001', '019001', 30, ref, 7).map((r) => ({
        ...r,
        fund_source: '单位资金',
        kind: r.kind === 'personnel' ? '人员经费' : r.kind,
      })),
      ...syntheticRows('019002', '019002', 12, ref, 3),
    ];
    const before = await eventCount();
    const r = await importLines(service, ledger.store, {
      ...base,
      unitCode: '019',
      fileName: 'dept.xlsx',
      bytes: await xlsxOf(toGrid(data)),
      kind: 'allocation',
      chunkLines: 20,
      allocationId: 'dept-2024',
    });
    expect(r.errors).toEqual([]);
    expect(r.commands.map((c) => [c.unitCode, c.id, c.lines])).toEqual([
      ['019001', 'dept-2024-1', 20],
      ['019001', 'dept-2024-2', 10],
      ['019002', 'dept-2024', 12],
    ]);
    expect(await eventCount()).toBe(before + 3);
  });
});

describe('import-lines: 单位资金 by kind', () => {
  test('事业收入, 经营收入 and 其他收入 lines keep their kind; the unit-funds cut and the tables count them as 单位资金', async () => {
    const head =
      'unit_code,fiscal_year,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,project_code,origin,amount';
    const file = [
      head,
      '019002,2024,事业收入,2010350,人员经费,30101,50501,,,1000.00',
      '019002,2024,经营收入,2010350,公用经费,30201,50502,,,200.00',
      '019002,2024,其他收入,2010350,公用经费,30202,50502,,,30.00',
    ].join('\n');
    const cut = async (fundSource: string) =>
      (
        await linePage(
          ledger.db.appPool,
          YEAR,
          { unitCodes: ['019002'], fundSource },
          {},
          { forward: true, limit: 100, cursor: null },
        )
      ).rows;
    const unitFundsBefore = await cut('unit-funds');
    const t02Before = (
      await loadDisclosure(
        ledger.db.appPool,
        {
          departmentCode: '019',
          fiscalYear: YEAR,
          moneyUnit: 'yuan',
        },
        service.references.current,
      )
    ).disclosure.tables.t02.rows.find((r) => r.role === 'total')!.cells.unitFunds;
    const r = await importLines(service, ledger.store, {
      ...base,
      unitCode: '019002',
      fileName: 'unit-funds.csv',
      bytes: Buffer.from(file),
      kind: 'allocation',
      allocationId: 'unit-funds-2024',
    });
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect((await cut('business-income')).map((l) => [l.fundSource, l.amount])).toEqual([
      ['business-income', '1000.00'],
    ]);
    expect((await cut('operating-income')).map((l) => l.amount)).toEqual(['200.00']);
    const unitFunds = await cut('unit-funds');
    expect(unitFunds.length - unitFundsBefore.length).toBe(3);
    const agg = await aggregatePostings(ledger.db.appPool, {
      fiscalYear: YEAR,
      drilldown: ['fundSource'],
      cut: { unitCodes: ['019002'], fundSource: 'unit-funds' },
      asOf: {},
      order: { by: 'codes', descending: false },
      limit: 100,
      offset: 0,
    });
    expect(agg.cells.filter((c) => c.codes[0] !== 'unit-funds')).toEqual([
      { codes: ['business-income'], amount: '1000.00' },
      { codes: ['operating-income'], amount: '200.00' },
      { codes: ['other-income'], amount: '30.00' },
    ]);
    const { disclosure } = await loadDisclosure(
      ledger.db.appPool,
      {
        departmentCode: '019',
        fiscalYear: YEAR,
        moneyUnit: 'yuan',
      },
      service.references.current,
    );
    const t02 = disclosure.tables.t02.rows.find((row) => row.role === 'total')!.cells.unitFunds;
    expect(new Decimal(t02!).minus(t02Before ?? 0).toFixed(2)).toBe('1230.00');
  });
});

describe('import-lines: adjustment batches', () => {
  const pub = seedLines.lines.filter((l) => l.unitCode === UNIT && l.kind === 'public');
  const proj = seedLines.lines.find((l) => l.unitCode === UNIT && l.kind === 'project')!;
  type L = (typeof seedLines.lines)[number];
  const cols = (l: L) => [
    l.unitCode,
    '2024',
    l.fundSource,
    l.functionalCode,
    l.kind,
    l.deptEconCode,
    l.govEconCode,
    l.projectCode ?? '',
    l.origin,
  ];
  const header =
    'adjustment_id,adjustment_type,document_number,reason,effective_date,unit_code,fiscal_year,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,project_code,origin,delta';
  const csv = (lines: (string | number)[][]) =>
    Buffer.from([header, ...lines.map((l) => l.join(','))].join('\n'));

  test('a transfer and an increase are submitted (for review) as two SubmitAdjustment commands', async () => {
    const file = csv([
      [
        'IMP-1',
        'transfer',
        '汾财预〔2024〕88号',
        '办公费调剂',
        '2024-07-01',
        ...cols(pub[0]!),
        '-100.00',
      ],
      ['IMP-1', '', '', '', '', ...cols(pub[1]!), '100.00'],
      ['IMP-2', '追加', '汾财预〔2024〕89号', '项目追加', '2024-07-02', ...cols(proj), '5000'],
    ]);
    const before = await eventCount();
    const r = await importLines(service, ledger.store, {
      ...base,
      fileName: 'adj.csv',
      bytes: file,
      kind: 'adjustments',
    });
    expect(r.errors).toEqual([]);
    expect(r.commands.map((c) => [c.type, c.id, c.lines, c.status])).toEqual([
      ['SubmitAdjustment', 'IMP-1', 2, 'applied'],
      ['SubmitAdjustment', 'IMP-2', 1, 'applied'],
    ]);
    expect(await eventCount()).toBe(before + 2);
    const { rows: ev } = await ledger.db.ownerPool.query<{
      data: { adjustmentType: string; submittedBy: string };
    }>(
      "SELECT data FROM events WHERE type = 'AdjustmentSubmitted' AND data->>'adjustmentId' = 'IMP-2'",
    );
    expect(ev[0]!.data).toMatchObject({
      adjustmentType: 'increase',
      submittedBy: 'officer:019-import',
    });
    const again = await importLines(service, ledger.store, {
      ...base,
      fileName: 'adj.csv',
      bytes: file,
      kind: 'adjustments',
    });
    expect(again.commands.map((c) => c.status)).toEqual(['already-imported', 'already-imported']);
    expect(await eventCount()).toBe(before + 2);
  });

  test('rule violations only the whole adjustment shows (unbalanced transfer) are reported on its lines with everything else', async () => {
    const file = csv([
      ['IMP-3', 'transfer', '文号3', '调剂', '2024-07-01', ...cols(pub[0]!), '-100.00'],
      ['IMP-3', '', '', '', '', ...cols(pub[1]!), '90.00'],
      ['IMP-4', 'increase', '文号4', '追加', '', ...cols(proj), '10.00'],
      ['IMP-5', 'decrease', '文号5', '追减', '2024-07-01', ...cols(pub[2]!), '-999999999.00'],
    ]);
    const before = await eventCount();
    const r = await importLines(service, ledger.store, {
      ...base,
      fileName: 'adj-bad.csv',
      bytes: file,
      kind: 'adjustments',
    });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.line, e.ruleId])).toEqual([[4, 'input.invalid']]);
    expect(await eventCount()).toBe(before);
    // With the missing date given, the decide-level refusals come out, still applying nothing.
    const fixed = csv([
      ['IMP-3', 'transfer', '文号3', '调剂', '2024-07-01', ...cols(pub[0]!), '-100.00'],
      ['IMP-3', '', '', '', '', ...cols(pub[1]!), '90.00'],
      ['IMP-4', 'increase', '文号4', '追加', '2024-07-01', ...cols(proj), '10.00'],
      ['IMP-5', 'decrease', '文号5', '追减', '2024-07-01', ...cols(pub[2]!), '-999999999.00'],
    ]);
    const r2 = await importLines(service, ledger.store, {
      ...base,
      fileName: 'adj-bad.csv',
      bytes: fixed,
      kind: 'adjustments',
    });
    expect(r2.errors.map((e) => [e.line, e.ruleId])).toEqual([
      [3, 'transfer.balanced'],
      [5, 'line.non-negative'],
    ]);
    expect(await eventCount()).toBe(before);
  });
});
