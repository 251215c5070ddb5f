/**
 * npm run bench:append — the event store's append throughput beside a raw INSERT baseline.
 *
 * Baseline: the same rows INSERTed through `pg` into `raw_events`, a table of the same shape and
 * indexes as `events` but with none of the store's work (no stream lock, no version check, no
 * idempotency lookup, no hash chain, no triggers). Both sides run in the same process, on the same
 * server, alternating in rounds; the figure is the median of the rounds, and the ratio is what
 * BENCHMARKS.md tracks (absolute numbers drift with the machine's load).
 *
 * BENCH_SECONDS (default 4) per measurement, BENCH_ROUNDS (default 5); BENCH_ONLY=batches (or any
 * part of a scenario's name) runs the matching scenarios alone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPool } from '../src/events/database';
import { EventStore } from '../src/events/event-store';
import { benchDatabase, median, printTable, throughput } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const RAW_TABLE = `
CREATE TABLE raw_events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id text NOT NULL, stream_version bigint NOT NULL, event_id uuid NOT NULL UNIQUE,
  type text NOT NULL, schema_version integer NOT NULL DEFAULT 1, data jsonb NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}', recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  effective_date date, prev_hash bytea NOT NULL, hash bytea NOT NULL,
  UNIQUE (stream_id, stream_version));
CREATE INDEX ON raw_events (transaction_id, global_position);`;

// A realistic event: one budget line change with its metadata.
const data = (i: number) => ({
  line: {
    unitCode: '019001',
    fiscalYear: 2024,
    functionalCode: '2010301',
    deptEconCode: '30101',
    kind: 'personnel',
  },
  delta: `${1000 + i}.00`,
});
const metadata = { actor: 'bench', documentRef: '汾财预〔2024〕1号', correlationId: randomUUID() };

interface Scenario {
  name: string;
  writers: number;
  batch: number;
  target: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'single-event appends, exact expected version', writers: 1, batch: 1, target: 0.7 },
  { name: 'single-event appends, exact expected version', writers: 8, batch: 1, target: 0.8 },
  { name: 'single-event appends, exact expected version', writers: 32, batch: 1, target: 0.8 },
  { name: 'batches of 100 events', writers: 1, batch: 100, target: 0.6 },
  { name: 'batches of 100 events', writers: 8, batch: 100, target: 0.6 },
];

async function ledgerRun(store: EventStore, s: Scenario): Promise<number> {
  const run = randomUUID().slice(0, 8);
  const versions = new Array<bigint>(s.writers).fill(0n);
  return throughput(s.writers, SECONDS, async (w, i) => {
    const events = Array.from({ length: s.batch }, (_, k) => ({
      type: 'BudgetLineChanged',
      data: data(i * s.batch + k),
      metadata,
    }));
    const r = await store.append(`bench-${run}-${w}`, events, versions[w]);
    versions[w] = r.nextExpectedVersion;
    return s.batch;
  });
}

async function rawRun(pool: pg.Pool, s: Scenario): Promise<number> {
  const run = randomUUID().slice(0, 8);
  const versions = new Array<number>(s.writers).fill(0);
  const hash = randomBytes(32);
  return throughput(s.writers, SECONDS, async (w, i) => {
    const n = s.batch;
    const stream = `raw-${run}-${w}`;
    const first = versions[w] + 1;
    versions[w] += n;
    await pool.query(
      `INSERT INTO raw_events (stream_id, stream_version, event_id, type, data, metadata, prev_hash, hash)
       SELECT $1, v, id, 'BudgetLineChanged', d, $4::jsonb, $5, $5
         FROM unnest($2::bigint[], $3::uuid[], $6::jsonb[]) AS t(v, id, d)`,
      [
        stream,
        Array.from({ length: n }, (_, k) => first + k),
        Array.from({ length: n }, () => randomUUID()),
        JSON.stringify(metadata),
        hash,
        Array.from({ length: n }, (_, k) => JSON.stringify(data(i * n + k))),
      ],
    );
    return n;
  });
}

async function main(): Promise<void> {
  const db = await benchDatabase('bench_append');
  const owner = createPool(db.url, { max: 2 });
  await owner.query(RAW_TABLE);
  await owner.query('GRANT SELECT, INSERT ON raw_events TO budget_ledger_app');
  await owner.end();
  // Both sides connect as the same restricted role with the same pool settings.
  const pool = createPool(db.serviceUrl, { max: 32 });
  const store = new EventStore(pool);
  const rows: (string | number)[][] = [];
  try {
    for (const s of SCENARIOS.filter(
      (x) => !process.env.BENCH_ONLY || x.name.includes(process.env.BENCH_ONLY),
    )) {
      const ledger: number[] = [];
      const raw: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        raw.push(await rawRun(pool, s));
        ledger.push(await ledgerRun(store, s));
      }
      const l = median(ledger);
      const b = median(raw);
      const ratio = l / b;
      rows.push([
        s.name,
        s.writers,
        s.batch,
        Math.round(l),
        Math.round(b),
        ratio.toFixed(2),
        `≥ ${s.target}`,
        ratio >= s.target ? 'met' : 'MISSED',
      ]);
      console.error(`done: ${s.name} × ${s.writers}`);
    }
  } finally {
    await store.close();
    await pool.end();
    await db.close();
  }
  console.log(
    `\nappend throughput, events/s (median of ${ROUNDS} rounds of ${SECONDS}s; server ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'})\n`,
  );
  printTable(
    ['scenario', 'writers', 'batch', 'ledger ev/s', 'raw INSERT ev/s', 'ratio', 'target', ''],
    rows,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
