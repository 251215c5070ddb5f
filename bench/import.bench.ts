/**
 * npm run bench:import — line-item import throughput beside a raw COPY of the same rows.
 *
 * The file: BENCH_LINES (default 100,000) valid allocation lines as CSV, spread over BENCH_UNITS
 * (default 100) synthetic administrative units of one department ("B"), 1,000 lines each. Lines
 * must be distinct within a unit-year; bench/synthetic.ts makes them from the seed's 31 real
 * lines of 019001 (kind, economic codes, project) × the year's 25 functional 项 × 5 fund sources
 * (up to 3,875 per unit). 100 units × 1,000 is the shape of a department's budget spreadsheet
 * with its subordinate units, and keeps each unit's allocation one ordinary event (no chunking).
 * The units are registered, their year opened and the seed's 11 project codes registered first
 * (not timed).
 *
 * Ledger: one importLines call on the file's bytes, as `import-lines --unit B` runs it: the file
 * split by unit, each unit's rows read, checked and decided by the domain on a pool of worker
 * threads (BENCH_THREADS, default one per core; 0 = on the main thread), the units decided first
 * appended while the rest are decided, every unit in one transaction (hash chain, read models by
 * the projection trigger).
 * Baseline: `COPY raw_lines FROM STDIN (FORMAT csv, HEADER)` of the same bytes (pg-copy-streams)
 * into a plain table of the same columns, no indexes, as the same restricted role.
 * Warm-up, for both sides alike and not timed: the worker threads started and the import's code
 * compiled by a dry run of a like file; one COPY of it. The first (cold) COPY is printed too, the
 * baseline of BENCHMARKS.md's figures taken against a cold COPY.
 *
 * BENCH_ROUNDS (default 3): each round COPYs a new file (amounts shifted), then imports it into
 * units of its own (BENCH_UNITS new units a round, set up first), so that every round is the same
 * first import of a department's file; the table shows the medians, and the ratio is the median
 * of each round's import against its own COPY, measured a moment apart (the machine's speed
 * drifts by a quarter from minute to minute). BENCH_SAME_UNITS=1: every round into the same units,
 * each folding its unit-years' new 1,000-line events onto the balances of the rounds before.
 * BENCH_PROFILE=<file>: a CPU profile of this process's main thread during the timed imports only
 * (open it in Chrome's DevTools; with BENCH_THREADS=0 it holds all of the import's work).
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { LedgerService } from '../src/app/ledger-service';
import type { Pool } from 'pg';
import { shippedReference, type BudgetCommand } from '../src/domain';
import { createPool } from '../src/events/database';
import { EventStore } from '../src/events/event-store';
import { importLines } from '../src/import/import-lines';
import { ImportWorkers, onThisThread } from '../src/import/workers';
import { syntheticRows, templateProjects, toCsv } from './synthetic';
import { benchDatabase, median, printTable } from './support';

const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SAME_UNITS = process.env.BENCH_SAME_UNITS === '1';
const YEAR = 2024;
const DEPARTMENT = 'B';
const TARGET = 0.3;

const RAW_TABLE = `
CREATE TABLE raw_lines (
  unit_code text NOT NULL, fiscal_year integer NOT NULL, fund_source text NOT NULL, functional_code text NOT NULL,
  kind text NOT NULL, dept_econ_code text NOT NULL, gov_econ_code text NOT NULL, project_code text, origin text NOT NULL,
  amount numeric(18, 2) NOT NULL);`;

const unitCode = (u: number) => `B${String(u + 1).padStart(4, '0')}`;

async function setUp(service: LedgerService, units: number): Promise<void> {
  const actor = { actor: 'admin:bench' };
  for (let u = 0; u < units; u++) {
    const code = unitCode(u);
    await service.registerUnit(
      {
        type: 'RegisterBudgetUnit',
        data: {
          unitCode: code,
          name: `基准单位${code}`,
          kind: 'administrative',
          departmentCode: DEPARTMENT,
          registeredAt: '2023-12-01',
        },
      },
      actor,
    );
    await service.execute(
      code,
      YEAR,
      {
        type: 'OpenFiscalYear',
        data: { fiscalYear: YEAR, openedAt: '2023-12-01' },
      } as BudgetCommand,
      actor,
    );
    for (const p of templateProjects('019001')) {
      await service.execute(
        code,
        YEAR,
        {
          type: 'RegisterProject',
          data: {
            project: {
              code: p,
              name: `项目${p}`,
              category: 'specific-goal',
              attribute: 'one-off',
              period: '1年',
            },
            registeredAt: '2023-12-01',
          },
        },
        actor,
      );
    }
  }
}

/** The file of `round` (amounts shifted by round), for the units of `unitSet`. */
function file(round: number, unitSet: number): Buffer {
  const ref = shippedReference(YEAR);
  const per = Math.ceil(LINES / UNITS);
  const rows = Array.from({ length: UNITS }, (_, u) =>
    syntheticRows(
      unitCode(unitSet * UNITS + u),
      '019001',
      Math.min(per, LINES - u * per),
      ref,
      round * 7 + u,
    ),
  ).flat();
  return Buffer.from(toCsv(rows));
}

const CLOCK_TICKS = 100;

/**
 * CPU seconds used so far by each server process of the bench's database, from /proc (a server on
 * this machine; empty otherwise): how the two cores were shared between this process and the
 * database server.
 */
async function serverCpu(owner: Pool): Promise<Map<number, number>> {
  const { rows } = await owner.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // not a process of this machine
    }
  }
  return out;
}

/** Seconds to COPY the file into the empty raw_lines table: the baseline. */
async function copyInto(pool: Pool, csv: Buffer): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('TRUNCATE raw_lines');
    const t0 = performance.now();
    await pipeline(
      Readable.from([csv]),
      client.query(copyFrom('COPY raw_lines FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    return (performance.now() - t0) / 1000;
  } finally {
    client.release();
  }
}

/**
 * Seconds for the database alone to append the last round's allocation events again, to fresh
 * budget streams, from their JSON text: ledger_append (hash chain, projection trigger, storage)
 * with no client work at all, in one transaction.
 */
async function databaseFloor(owner: Pool): Promise<number> {
  const client = await owner.connect();
  try {
    await client.query(`CREATE TEMP TABLE floor_events AS
      SELECT regexp_replace(stream_id, '^budget-B', 'budget-F') AS stream_id, schema_version, data::text AS data FROM events
       WHERE type = 'InitialBudgetAllocated' ORDER BY global_position DESC LIMIT ${UNITS}`);
    const t0 = performance.now();
    await client.query('BEGIN');
    await client.query(`SELECT count(*) FROM floor_events f, LATERAL ledger_append(f.stream_id, 'no_stream', NULL, ARRAY[gen_random_uuid()],
      ARRAY['InitialBudgetAllocated'], ARRAY[f.schema_version], ARRAY[f.data::jsonb], ARRAY['{"actor":"bench"}'::jsonb], ARRAY[DATE '2024-01-31'], false)`);
    await client.query('COMMIT');
    return (performance.now() - t0) / 1000;
  } finally {
    client.release();
  }
}

/** Profiles `run` when BENCH_PROFILE names a file; the profile is written there. */
async function profiled<T>(run: () => Promise<T>): Promise<T> {
  const out = process.env.BENCH_PROFILE;
  if (!out) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(out, JSON.stringify(profile));
    session.disconnect();
  }
}

async function main(): Promise<void> {
  const db = await benchDatabase('bench_import');
  const owner = createPool(db.url, { max: 2 });
  await owner.query(RAW_TABLE);
  await owner.query('GRANT SELECT, INSERT, TRUNCATE ON raw_lines TO budget_ledger_app');
  const pool = createPool(db.serviceUrl, { max: 8 });
  const store = new EventStore(pool);
  const service = new LedgerService(store);
  const threads = Number(process.env.BENCH_THREADS ?? os.availableParallelism());
  const pool0 = threads > 0 ? new ImportWorkers(threads) : null;
  const workers = pool0 ?? onThisThread;
  const ledger: number[] = [];
  const raw: number[] = [];
  const floors = { database: 0 };
  let coldCopy = 0;
  let bytes = 0;
  try {
    const unitSets = SAME_UNITS ? 1 : ROUNDS;
    console.error(`setting up ${UNITS * unitSets} units …`);
    await setUp(service, UNITS * unitSets);
    // Warm-up, not timed, for both sides alike: the worker threads started and their code compiled
    // by a dry run of a file like the timed ones (nothing appended), one COPY of it first.
    const t = performance.now();
    await pool0?.warm();
    const warmUp = file(ROUNDS, 0);
    coldCopy = LINES / (await copyInto(pool, warmUp));
    const dry = await importLines(service, store, {
      fileName: 'warm-up.csv',
      bytes: warmUp,
      unitCode: DEPARTMENT,
      fiscalYear: YEAR,
      kind: 'allocation',
      actor: 'officer:bench',
      date: '2024-01-31',
      workers,
      dryRun: true,
    });
    if (!dry.ok) throw new Error(`warm-up refused: ${dry.errors[0]?.message}`);
    console.error(
      `warm-up (${threads} worker threads, a COPY and a dry-run import, not timed): ${((performance.now() - t) / 1000).toFixed(2)} s`,
    );
    for (let round = 0; round < ROUNDS; round++) {
      const csv = file(round, SAME_UNITS ? 0 : round);
      bytes = csv.length;

      raw.push(LINES / (await copyInto(pool, csv)));

      const phases: string[] = [];
      const cpu0 = { client: process.cpuUsage(), server: await serverCpu(owner) };
      const t1 = performance.now();
      const report = await profiled(() =>
        importLines(service, store, {
          fileName: `bench-${round}.csv`,
          bytes: csv,
          unitCode: DEPARTMENT,
          fiscalYear: YEAR,
          kind: 'allocation',
          actor: 'officer:bench',
          date: '2024-01-31',
          workers,
          onPhase: (phase, ms) => phases.push(`${phase} ${(ms / 1000).toFixed(2)} s`),
        }),
      );
      const seconds = (performance.now() - t1) / 1000;
      const clientCpu = process.cpuUsage(cpu0.client);
      const server = await serverCpu(owner);
      const serverSeconds = [...server].reduce(
        (sum, [pid, s]) => sum + s - (cpu0.server.get(pid) ?? 0),
        0,
      );
      phases.push(
        `CPU: this process ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(2)} s (all threads), server ${serverSeconds.toFixed(2)} s`,
      );
      if (!report.ok)
        throw new Error(
          `import refused: ${report.errors
            .slice(0, 5)
            .map((e) => `line ${e.line}: ${e.message}`)
            .join('; ')}`,
        );
      if (report.rows !== LINES) throw new Error(`imported ${report.rows} rows, expected ${LINES}`);
      ledger.push(LINES / seconds);
      console.error(
        `round ${round + 1}: import ${seconds.toFixed(2)} s, ${report.commands.length} commands, ratio to its COPY ${(ledger[round]! / raw[round]!).toFixed(2)} (${phases.join(', ')})`,
      );
    }
    floors.database = LINES / (await databaseFloor(owner));
    const { rows: sizes } = await owner.query<{ n: string; biggest: string; postings: string }>(
      `SELECT count(*) AS n, max(pg_column_size(data)) AS biggest, (SELECT count(*) FROM postings) AS postings FROM events WHERE type = 'InitialBudgetAllocated'`,
    );
    console.error(
      `allocation events: ${sizes[0]!.n}, largest ${(Number(sizes[0]!.biggest) / 1024).toFixed(0)} KiB stored; postings: ${sizes[0]!.postings}`,
    );
  } finally {
    await pool0?.close();
    await store.close();
    await pool.end();
    await owner.end();
    await db.close();
  }
  const l = median(ledger);
  const b = median(raw);
  // Each round's import against its own COPY, a moment apart: the median of those ratios.
  const ratio = median(ledger.map((x, i) => x / raw[i]!));
  console.log(
    `\nline-item import, lines/s (${LINES} lines in ${UNITS} units, ${(bytes / 1e6).toFixed(1)} MB CSV; median of ${ROUNDS} round${ROUNDS === 1 ? '' : 's'}, ${SAME_UNITS ? 'every round into the same units' : 'each into units of its own'}, the ratio each round's against its own COPY; server ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'})\n`,
  );
  printTable(
    ['scenario', 'lines', 'import-lines lines/s', 'raw COPY lines/s', 'ratio', 'target', ''],
    [
      [
        'allocation CSV, one command',
        LINES,
        Math.round(l),
        Math.round(b),
        ratio.toFixed(2),
        `≥ ${TARGET}`,
        ratio >= TARGET ? 'met' : 'MISSED',
      ],
      [
        'for reference: the same import against the first (cold) COPY of the run',
        LINES,
        Math.round(l),
        Math.round(coldCopy),
        (l / coldCopy).toFixed(2),
        '',
        '',
      ],
      [
        'bound: the database appending the same events (SQL, no client)',
        LINES,
        Math.round(floors.database),
        Math.round(b),
        (floors.database / b).toFixed(2),
        '',
        '',
      ],
    ],
  );
  console.log(
    `\n${threads} worker thread${threads === 1 ? '' : 's'}. The bound: the database's share alone, no import of these events can be faster (BENCHMARKS.md).`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
