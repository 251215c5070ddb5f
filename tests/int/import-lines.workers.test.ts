import ExcelJS from 'exceljs';
import { LedgerService } from '../../src/app/ledger-service';
import { budgetStreamId, shippedReference } from '../../src/domain';
import { verifyLedger } from '../../src/events/integrity';
import {
  importLines,
  type ImportLinesOptions,
  type ImportLinesReport,
} from '../../src/import/import-lines';
import { syntheticRows, toCsv, toGrid, type SyntheticRow } from '../../bench/synthetic';
import type { UnitTask } from '../../src/import/unit-task';
import { ImportWorkers, type UnitRunner } from '../../src/import/workers';
import { loadSeed } from '../../src/seed/run';
import { useLedgerDatabase, type TestDatabase } from '../support/db';

/**
 * import-lines with its units checked and decided in worker threads (ImportWorkers, piscina) does
 * what it does on the main thread. Two ledgers, both loaded with the seed: every file is imported
 * into one through a pool of 2 threads and into the other on the main thread, and the reports and
 * the stored events are compared. (The threads run the build's dist/src/import/unit-task.js: build
 * first.)
 */
const viaPool = useLedgerDatabase();
const onMain = useLedgerDatabase();
let pool: ImportWorkers;
/** The pool, counting the units handed to it. */
let pooledUnits: UnitTask[] = [];
const throughPool: UnitRunner = {
  run: (task) => {
    pooledUnits.push(task);
    return pool.run(task);
  },
  get concurrency() {
    return pool.concurrency;
  },
};
const services = new Map<TestDatabase, LedgerService>();

const YEAR = 2024;
const UNITS = ['019001', '019002'] as const;
const STREAMS = UNITS.map((u) => budgetStreamId(u, YEAR));
const ref = () => shippedReference(YEAR);

beforeAll(async () => {
  pool = new ImportWorkers(2);
  for (const ledger of [viaPool, onMain]) {
    const service = new LedgerService(ledger.store);
    services.set(ledger.db, service);
    await loadSeed(service, ledger.store, ledger.db.appPool);
  }
}, 180_000);

afterAll(async () => {
  await pool.close();
});

const base = {
  unitCode: '019',
  fiscalYear: YEAR,
  actor: 'officer:019-import',
  date: '2024-02-01',
  kind: 'allocation',
} as const;

/** The file imported into the pooled ledger through the pool, and into the other on this thread. */
async function importBoth(
  bytes: Buffer,
  o: Partial<ImportLinesOptions> = {},
): Promise<{ pooled: ImportLinesReport; main: ImportLinesReport }> {
  const opts = { ...base, fileName: 'dept.csv', bytes, ...o };
  const pooled = await importLines(services.get(viaPool.db)!, viaPool.store, {
    ...opts,
    workers: throughPool,
  });
  const main = await importLines(services.get(onMain.db)!, onMain.store, opts);
  return { pooled, main };
}

interface StoredEvent {
  stream_id: string;
  stream_version: string;
  event_id: string;
  transaction_id: string;
  type: string;
  schema_version: number;
  data: { lines?: unknown[] };
  metadata: Record<string, unknown>;
  effective_date: string | null;
}

/** The two units' budget streams' versions. */
async function heads(db: TestDatabase): Promise<Record<string, string>> {
  const { rows } = await db.ownerPool.query<{ stream_id: string; version: string }>(
    'SELECT stream_id, version::text AS version FROM streams WHERE stream_id = ANY($1)',
    [STREAMS],
  );
  return Object.fromEntries(
    STREAMS.map((s) => [s, rows.find((r) => r.stream_id === s)?.version ?? '0']),
  );
}

/** The two units' events after the versions in `since`, by stream and version. */
async function eventsSince(
  db: TestDatabase,
  since: Record<string, string>,
): Promise<StoredEvent[]> {
  const { rows } = await db.ownerPool.query<StoredEvent>(
    `SELECT stream_id, stream_version::text AS stream_version, event_id::text AS event_id, transaction_id::text AS transaction_id,
            type, schema_version, data, metadata, to_char(effective_date, 'YYYY-MM-DD') AS effective_date
       FROM events e JOIN unnest($1::text[], $2::bigint[]) AS s(stream_id, after) USING (stream_id)
      WHERE e.stream_version > s.after
      ORDER BY stream_id, e.stream_version`,
    [STREAMS, STREAMS.map((s) => since[s])],
  );
  return rows;
}

/**
 * What must be the same in both ledgers: everything stored but the transaction (hashes include the
 * instant).
 */
const content = ({ transaction_id: _tx, ...rest }: StoredEvent) => rest;

/** Imports into both ledgers; returns both reports and the events each appended. */
async function importAndRead(bytes: Buffer, o: Partial<ImportLinesOptions> = {}) {
  const before = { pooled: await heads(viaPool.db), main: await heads(onMain.db) };
  const reports = await importBoth(bytes, o);
  const events = {
    pooled: await eventsSince(viaPool.db, before.pooled),
    main: await eventsSince(onMain.db, before.main),
  };
  return { ...reports, before, events };
}

/**
 * Rows of both units, interleaved (two of 019001, then one of 019002, …), so that each unit's lines
 * are scattered over the file.
 */
function departmentRows(seed: number, counts: [number, number] = [60, 25]): SyntheticRow[] {
  const a = syntheticRows('019001', '019001', counts[0], ref(), seed);
  const b = syntheticRows('019002', '019002', counts[1], ref(), seed + 3);
  const out: SyntheticRow[] = [];
  while (a.length + b.length > 0) {
    out.push(...a.splice(0, 2));
    out.push(...b.splice(0, 1));
  }
  return out;
}
const csvOf = (rows: readonly SyntheticRow[]) => Buffer.from(toCsv(rows));
/** The file line of data row i (the header is line 1). */
const lineOf = (i: number) => i + 2;

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

/**
 * Every cell quoted, `""` escapes and a free-text column (ignored) holding commas; `noteOf(i)` is
 * data row i's note.
 */
function quotedCsv(rows: readonly SyntheticRow[], noteOf: (i: number) => string): Buffer {
  const q = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const columns = Object.keys(rows[0]!) as (keyof SyntheticRow)[];
  const header = [...columns, '备注'].map(q).join(',');
  return Buffer.from(
    [header, ...rows.map((r, i) => [...columns.map((c) => q(r[c])), q(noteOf(i))].join(','))].join(
      '\r\n',
    ) + '\r\n',
  );
}

describe('import-lines through a worker pool', () => {
  test('given a department file of two units, when it is dry-run and then imported through the pool, then the reports and every stored event (ids, types, data, metadata, versions) are those of the main thread, in one transaction with intact chains', async () => {
    const bytes = csvOf(departmentRows(5));
    pooledUnits = [];
    const dry = await importBoth(bytes, { dryRun: true, chunkLines: 20, allocationId: 'pool-1' });
    expect(dry.pooled).toEqual(dry.main);
    expect(dry.pooled.commands.map((c) => c.status)).toEqual(Array(5).fill('would-apply'));

    const r = await importAndRead(bytes, { chunkLines: 20, allocationId: 'pool-1' });

    expect(r.pooled).toEqual(r.main);
    // Each unit was decided by the pool, once for the dry run and once for the import.
    expect(pooledUnits.map((t) => t.unit.unitCode)).toEqual([...UNITS, ...UNITS]);
    expect(pool.concurrency).toBe(2);
    expect(r.pooled).toMatchObject({
      ok: true,
      format: 'csv',
      rows: 85,
      errors: [],
      ignoredColumns: [],
    });
    expect(r.pooled.commands.map((c) => [c.unitCode, c.type, c.id, c.lines, c.status])).toEqual([
      // In the order of each command's first line (the units' lines are interleaved).
      ['019001', 'AllocateInitialBudget', 'pool-1-1', 20, 'applied'],
      ['019002', 'AllocateInitialBudget', 'pool-1-1', 20, 'applied'],
      ['019001', 'AllocateInitialBudget', 'pool-1-2', 20, 'applied'],
      ['019001', 'AllocateInitialBudget', 'pool-1-3', 20, 'applied'],
      ['019002', 'AllocateInitialBudget', 'pool-1-2', 5, 'applied'],
    ]);
    expect(r.before.pooled).toEqual(r.before.main);
    expect(r.events.pooled.map(content)).toEqual(r.events.main.map(content));
    expect(r.events.pooled.map((e) => [e.stream_id, e.type, e.data.lines?.length])).toEqual([
      [STREAMS[0], 'InitialBudgetAllocated', 20],
      [STREAMS[0], 'InitialBudgetAllocated', 20],
      [STREAMS[0], 'InitialBudgetAllocated', 20],
      [STREAMS[1], 'InitialBudgetAllocated', 20],
      [STREAMS[1], 'InitialBudgetAllocated', 5],
    ]);
    expect(
      r.events.pooled.every((e) => e.metadata.documentRef === `dept.csv sha256:${r.pooled.sha256}`),
    ).toBe(true);
    expect(new Set(r.events.pooled.map((e) => e.transaction_id)).size).toBe(1);
    expect((await verifyLedger(viaPool.db.appPool)).firstBroken).toBeNull();
  });

  test('given the same file imported through the pool again (another date), then every command is already imported and nothing is appended', async () => {
    const bytes = csvOf(departmentRows(11, [30, 12]));
    const first = await importAndRead(bytes, { allocationId: 'pool-again' });
    expect(first.pooled.commands.map((c) => c.status)).toEqual(['applied', 'applied']);
    expect(first.events.pooled.map(content)).toEqual(first.events.main.map(content));

    const again = await importAndRead(bytes, { allocationId: 'pool-again', date: '2024-03-01' });

    expect(again.pooled).toEqual(again.main);
    expect(again.pooled.ok).toBe(true);
    expect(again.pooled.commands.map((c) => [c.unitCode, c.id, c.lines, c.status])).toEqual([
      ['019001', 'pool-again', 30, 'already-imported'],
      ['019002', 'pool-again', 12, 'already-imported'],
    ]);
    expect(again.events.pooled).toEqual([]);
    expect(again.events.main).toEqual([]);
  });
});

describe('import-lines through a worker pool: a unit whose task fails', () => {
  test('given the pool fails on the second unit after the first was decided, then the import fails with that error and nothing is appended to any unit', async () => {
    const boom = new Error('worker thread lost');
    const failing: UnitRunner = {
      run: (task) => (task.unit.unitCode === '019002' ? Promise.reject(boom) : pool.run(task)),
      concurrency: pool.concurrency,
    };
    const before = await heads(viaPool.db);
    const bytes = csvOf(departmentRows(17, [30, 12]));
    await expect(
      importLines(services.get(viaPool.db)!, viaPool.store, {
        ...base,
        fileName: 'dept.csv',
        bytes,
        allocationId: 'pool-lost',
        workers: failing,
      }),
    ).rejects.toBe(boom);
    expect(await heads(viaPool.db)).toEqual(before);
    expect(await eventsSince(viaPool.db, before)).toEqual([]);
    // The pool itself is unharmed: the same file imports through it.
    const ok = await importLines(services.get(viaPool.db)!, viaPool.store, {
      ...base,
      fileName: 'dept.csv',
      bytes,
      allocationId: 'pool-lost',
      workers: pool,
    });
    expect(ok.commands.map((c) => [c.unitCode, c.status])).toEqual([
      ['019001', 'applied'],
      ['019002', 'applied'],
    ]);
    // (The main-thread ledger gets the same import, so that both ledgers stay alike for the tests
    // after this one.)
    const main = await importLines(services.get(onMain.db)!, onMain.store, {
      ...base,
      fileName: 'dept.csv',
      bytes,
      allocationId: 'pool-lost',
    });
    expect(main).toEqual(ok);
  });
});

describe('import-lines through a worker pool: one bad line', () => {
  test.each<[string, (row: SyntheticRow) => void, string, string]>([
    [
      "a functional code not in the year's list (refused by the domain)",
      (row) => (row.functional_code = '2019999'),
      'functional_code',
      'code.unknown',
    ],
    [
      "an amount of three decimals (refused by the file's own checks)",
      (row) => (row.amount = '1.005'),
      'amount',
      'money.format',
    ],
  ])(
    'given %s in the second unit among good lines of both, then the report lists exactly that line and nothing is appended to any unit',
    async (_case, spoil, column, ruleId) => {
      const rows = departmentRows(23);
      const at = rows.findIndex((row, i) => row.unit_code === '019002' && i > rows.length / 2);
      spoil(rows[at]!);

      const r = await importAndRead(csvOf(rows), { allocationId: `pool-bad-${ruleId}` });

      expect(r.pooled).toEqual(r.main);
      expect(r.pooled.ok).toBe(false);
      expect(r.pooled.rows).toBe(85);
      expect(r.pooled.errors).toEqual([
        expect.objectContaining({ line: lineOf(at), column, ruleId }),
      ]);
      expect(r.pooled.commands).toEqual([]);
      expect(r.events.pooled).toEqual([]);
      expect(await heads(viaPool.db)).toEqual(r.before.pooled);
    },
  );
});

describe('import-lines through a worker pool: other file shapes', () => {
  test('given a CSV with quotes (every cell quoted, escaped quotes, a free-text column with commas and a line break), then it is read strictly and imported as on the main thread; a bad line after the line break is reported at its own file line', async () => {
    const rows = departmentRows(31, [24, 9]);
    const note = (i: number) => (i === 4 ? '办公, "差旅"\r\n续行' : `备注 ${i}, 含逗号`);
    const r = await importAndRead(quotedCsv(rows, note), {
      fileName: 'dept-quoted.csv',
      allocationId: 'pool-quoted',
    });

    expect(r.pooled).toEqual(r.main);
    expect(r.pooled).toMatchObject({
      ok: true,
      format: 'csv',
      rows: 33,
      errors: [],
      ignoredColumns: ['备注'],
    });
    expect(r.pooled.commands.map((c) => [c.unitCode, c.lines, c.status])).toEqual([
      ['019001', 24, 'applied'],
      ['019002', 9, 'applied'],
    ]);
    expect(r.events.pooled.map(content)).toEqual(r.events.main.map(content));
    expect(r.events.pooled.map((e) => e.data.lines?.length)).toEqual([24, 9]);

    // Row 4's note spans two lines, so data row i > 4 is on file line i + 3.
    const bad = rows.map((row) => ({ ...row }));
    const at = bad.findIndex((row, i) => i > 4 && row.unit_code === '019002');
    bad[at]!.functional_code = '2019999';
    const refused = await importAndRead(quotedCsv(bad, note), {
      fileName: 'dept-quoted.csv',
      allocationId: 'pool-quoted-bad',
    });
    expect(refused.pooled).toEqual(refused.main);
    expect(refused.pooled.errors).toEqual([
      expect.objectContaining({ line: at + 3, column: 'functional_code', ruleId: 'code.unknown' }),
    ]);
    expect(refused.events.pooled).toEqual([]);
  });

  test('given an XLSX file of two units (Chinese labels for values, numeric amounts), then it is imported as on the main thread', async () => {
    const rows = departmentRows(41, [30, 12]).map((row) =>
      row.unit_code === '019001'
        ? {
            ...row,
            fund_source: '单位资金',
            kind: row.kind === 'personnel' ? '人员经费' : row.kind,
          }
        : row,
    );
    const bytes = await xlsxOf(toGrid(rows));

    const r = await importAndRead(bytes, {
      fileName: 'dept.xlsx',
      allocationId: 'pool-xlsx',
      chunkLines: 20,
    });

    expect(r.pooled).toEqual(r.main);
    expect(r.pooled).toMatchObject({ ok: true, format: 'xlsx', rows: 42, errors: [] });
    expect(r.pooled.commands.map((c) => [c.unitCode, c.id, c.lines, c.status])).toEqual([
      // In the order of each command's first line (the units' rows are interleaved).
      ['019001', 'pool-xlsx-1', 20, 'applied'],
      ['019002', 'pool-xlsx', 12, 'applied'],
      ['019001', 'pool-xlsx-2', 10, 'applied'],
    ]);
    expect(r.events.pooled.map(content)).toEqual(r.events.main.map(content));
    expect(r.events.pooled).toHaveLength(3);

    // And through the pool again: nothing more.
    const again = await importAndRead(bytes, {
      fileName: 'dept.xlsx',
      allocationId: 'pool-xlsx',
      chunkLines: 20,
    });
    expect(again.pooled.commands.map((c) => c.status)).toEqual([
      'already-imported',
      'already-imported',
      'already-imported',
    ]);
    expect(again.events.pooled).toEqual([]);
  });
});
