/**
 * npm run bench:append — the event store's append as the service runs it, beside a raw INSERT
 * baseline measured in the same run.
 *
 * Four sides per scenario, alternating in rounds (the order rotates each round, so no side always
 * runs first), each figure the median of its rounds and each with its ratio to the baseline (what
 * BENCHMARKS.md tracks: absolute numbers drift with the machine's load):
 * - **raw INSERT** (the baseline): the same rows INSERTed through `pg` into `raw_events`, a table of
 *   the same shape and indexes as `events` but with none of the store's work (no stream lock, no
 *   version check, no idempotency lookup, no hash chain, no triggers), on the service's pool.
 * - **service**: `EventStore.append` logged in as `budget_ledger_app`, the login src/service.ts
 *   builds (serviceRoleUrl, createPool, assertRestricted): ledger_append_one for one event,
 *   ledger_append for a batch, both SECURITY DEFINER with their own search_path (migrations/0009).
 * - **owner**: the same store logged in as the owner: the same functions, the same definer switch.
 * - **owner, invoker**: the same again with both functions made SECURITY INVOKER and without their
 *   SET search_path for that turn (in the bench's own database; restored after): the functions'
 *   work without the definer wrapper — what ledger_append was before migration 0009.
 *
 * Then the wrapper alone, on the server: ledger_append_one called BENCH_CALLS times (default
 * 2,000) in one statement, as migrated (definer) and as invoker; no round trip or commit per call.
 *
 * BENCH_SECONDS (default 1.5) per measurement, BENCH_ROUNDS (default 3); BENCH_ONLY=batches (or
 * any part of a scenario's name) runs the matching scenarios alone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPool } from '../src/events/database';
import { EventStore } from '../src/events/event-store';
import { assertRestricted } from '../src/events/service-role';
import { benchDatabase, median, printTable, throughput } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);

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

/**
 * Runs `op` for SECONDS in `writers` concurrent loops, after one untimed op per writer: each turn
 * starts on a pool whose connections were given back after its last turn, and the timed part
 * should not hold the connecting, the statement's preparation or the function's compilation.
 */
async function measured(
  writers: number,
  op: (writer: number, i: number) => Promise<number>,
): Promise<number> {
  await Promise.all(Array.from({ length: writers }, (_, w) => op(w, 0)));
  return throughput(writers, SECONDS, op);
}

async function ledgerRun(store: EventStore, s: Scenario): Promise<number> {
  const run = randomUUID().slice(0, 8);
  const versions = new Array<bigint>(s.writers).fill(0n);
  return measured(s.writers, async (w, i) => {
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
  return measured(s.writers, async (w, i) => {
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

/**
 * Runs `body` with ledger_append and ledger_append_one as SECURITY INVOKER and without their SET
 * clause, then gives them back their definer rights and settings as read from the catalogue
 * before (migrations/0009), and checks that they have them. The bench's own database only.
 */
async function asInvoker<T>(owner: pg.Pool, body: () => Promise<T>): Promise<T> {
  const read = async () =>
    (
      await owner.query<{ fn: string; definer: boolean; config: string[] | null }>(
        `SELECT oid::regprocedure::text AS fn, prosecdef AS definer, proconfig AS config
           FROM pg_proc WHERE proname IN ('ledger_append', 'ledger_append_one')
            AND pronamespace = 'public'::regnamespace ORDER BY 1`,
      )
    ).rows;
  const migrated = await read();
  if (migrated.length !== 2 || !migrated.every((f) => f.definer))
    throw new Error(`the append functions are not as 0009 left them: ${JSON.stringify(migrated)}`);
  for (const f of migrated) await owner.query(`ALTER FUNCTION ${f.fn} SECURITY INVOKER RESET ALL`);
  let result: T;
  try {
    result = await body();
  } finally {
    for (const f of migrated) {
      const settings = (f.config ?? []).map((c) => c.replace(/^([a-z_]+)=(.*)$/, 'SET $1 = $2'));
      await owner.query(`ALTER FUNCTION ${f.fn} SECURITY DEFINER ${settings.join(' ')}`);
    }
  }
  const restored = await read();
  if (JSON.stringify(restored) !== JSON.stringify(migrated))
    throw new Error(`the append functions were not restored: ${JSON.stringify(restored)}`);
  return result;
}

/**
 * Server time per call of ledger_append_one, `calls` of them in one statement (each opening a
 * stream of its own): no round trip, parse or commit per call, so what differs between the definer
 * and the invoker function is their call alone.
 */
async function perCallMicroseconds(pool: pg.Pool, calls: number): Promise<number> {
  const start = performance.now();
  await pool.query(
    `SELECT count(*) FROM generate_series(1, $1::int) AS g,
       LATERAL ledger_append_one($2 || g, 'exact', 0, gen_random_uuid(), 'BudgetLineChanged', 1,
                                 $3::jsonb, $4::jsonb, NULL)`,
    [
      calls,
      `calls-${randomUUID().slice(0, 8)}-`,
      JSON.stringify(data(0)),
      JSON.stringify(metadata),
    ],
  );
  return ((performance.now() - start) * 1000) / calls;
}

interface Side {
  key: 'raw' | 'service' | 'owner' | 'invoker';
  run(s: Scenario): Promise<number>;
}

async function main(): Promise<void> {
  const started = performance.now();
  const db = await benchDatabase('bench_append');
  // Pools of 32 for 32 writers, two of them on a server shared with others: each gives its
  // connections back half a second after its turn.
  const owner = createPool(db.url, { max: 32, idleTimeoutMillis: 500 });
  await owner.query(RAW_TABLE);
  await owner.query('GRANT SELECT, INSERT ON raw_events TO budget_ledger_app');
  // The service's login, as src/service.ts makes it: serviceRoleUrl (in benchDatabase), then a
  // pool refused unless it is the restricted role.
  const service = createPool(db.serviceUrl, { max: 32, idleTimeoutMillis: 500 });
  await assertRestricted(service);
  const serviceStore = new EventStore(service);
  const ownerStore = new EventStore(owner);
  const sides: Side[] = [
    { key: 'raw', run: (s) => rawRun(service, s) },
    { key: 'service', run: (s) => ledgerRun(serviceStore, s) },
    { key: 'owner', run: (s) => ledgerRun(ownerStore, s) },
    { key: 'invoker', run: (s) => asInvoker(owner, () => ledgerRun(ownerStore, s)) },
  ];
  const rows: (string | number)[][] = [];
  const perCall = { definer: [] as number[], invoker: [] as number[] };
  try {
    for (const s of SCENARIOS.filter(
      (x) => !process.env.BENCH_ONLY || x.name.includes(process.env.BENCH_ONLY),
    )) {
      const figures: Record<Side['key'], number[]> = {
        raw: [],
        service: [],
        owner: [],
        invoker: [],
      };
      for (let r = 0; r < ROUNDS; r++)
        for (let k = 0; k < sides.length; k++) {
          const side = sides[(r + k) % sides.length]!;
          figures[side.key].push(await side.run(s));
        }
      const [raw, svc, own, inv] = (['raw', 'service', 'owner', 'invoker'] as const).map((k) =>
        median(figures[k]),
      ) as [number, number, number, number];
      const ratio = svc / raw;
      rows.push([
        s.name,
        s.writers,
        s.batch,
        Math.round(raw),
        Math.round(svc),
        ratio.toFixed(2),
        `≥ ${s.target} ${ratio >= s.target ? 'met' : 'MISSED'}`,
        Math.round(own),
        (own / raw).toFixed(2),
        Math.round(inv),
        (inv / raw).toFixed(2),
        (svc / inv).toFixed(2),
      ]);
      console.error(`done: ${s.name} × ${s.writers}`);
    }
    for (let r = 0; r < ROUNDS; r++) {
      // Untimed first calls: the function compiled and its INSERT planned on the connection.
      await perCallMicroseconds(service, 20);
      perCall.definer.push(await perCallMicroseconds(service, CALLS));
      await asInvoker(owner, async () => {
        await perCallMicroseconds(owner, 20);
        perCall.invoker.push(await perCallMicroseconds(owner, CALLS));
      });
    }
  } finally {
    await serviceStore.close();
    await ownerStore.close();
    await service.end();
    await owner.end();
    await db.close();
  }
  const server = process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded';
  console.log(
    `\nappend throughput, events/s (median of ${ROUNDS} rounds of ${SECONDS}s; server ${server}); ` +
      'every ratio is to raw INSERT but the last (service ÷ owner, invoker)\n',
  );
  printTable(
    [
      'scenario',
      'writers',
      'batch',
      'raw INSERT',
      'service (definer)',
      'ratio',
      'target',
      'owner (definer)',
      'ratio',
      'owner, invoker',
      'ratio',
      'service ÷ invoker',
    ],
    rows,
  );
  const definer = median(perCall.definer);
  const invoker = median(perCall.invoker);
  console.log(
    `\nledger_append_one on the server, µs per call (${CALLS} calls in one statement, median of ` +
      `${ROUNDS})\n`,
  );
  printTable(
    ['function', 'µs per call', 'ratio'],
    [
      ['as SECURITY INVOKER, no SET (baseline)', invoker.toFixed(1), '1.00'],
      [
        'as migrated: SECURITY DEFINER SET search_path',
        definer.toFixed(1),
        (definer / invoker).toFixed(2),
      ],
    ],
  );
  console.log(`\nwhole run: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
