/**
 * npm run bench:append — the event store's append as the service runs it, beside a raw INSERT
 * baseline measured in the same run.
 *
 * Four sides per scenario, alternating in rounds (the order rotates each round, so no side always
 * runs first), each figure the median of its rounds and each with its ratio to the baseline (what
 * BENCHMARKS.md tracks: absolute numbers drift with the machine's load):
 * - **raw INSERT** (the baseline): the same rows INSERTed through `pg` into `raw_events`, a table of
 *   the same shape and indexes as `events` but with none of the store's work (no stream lock, no
 *   version check, no idempotency lookup, no hash chain, no triggers), as the service role.
 * - **service**: `EventStore.append` logged in as `budget_ledger_app`, the login src/service.ts
 *   builds (serviceRoleUrl, createPool, assertRestricted): ledger_append_one for one event,
 *   ledger_append for a batch, both SECURITY DEFINER with their own search_path (migrations/0009).
 * - **owner**: the same store logged in as the owner: the same functions, the same definer switch.
 * - **owner, invoker**: the same again with both functions made SECURITY INVOKER and without their
 *   SET search_path for that turn (in the bench's own database; restored after): the functions'
 *   work without the definer wrapper — what ledger_append was before migration 0009 (a single
 *   event was then a statement the store sent itself: see the server-side table below).
 *
 * Then the server's side of one event, on one connection with synchronous_commit off (no side
 * waits for the WAL flush), as the backend's CPU time when the server runs on this machine, and the
 * wall time: BENCH_CALLS (default 200) single-event appends in a row as a raw INSERT (baseline), as
 * ledger_append_one's INSERT … SELECT sent as a statement (what the store sent before 0009),
 * through the function as invoker, and as migrated (definer) called by the owner and by the
 * service; and 10 × BENCH_CALLS calls of the function in one statement, definer against invoker:
 * the definer switch alone, without a statement or commit per call (2 × BENCH_ROUNDS + 1 rounds).
 *
 * BENCH_SECONDS (default 1.5) per measurement, BENCH_ROUNDS (default 3); BENCH_ONLY=batches (or
 * any part of a scenario's name) runs the matching scenarios alone, BENCH_ONLY=server the
 * server-side tables alone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { createPool } from '../src/events/database';
import { EventStore } from '../src/events/event-store';
import { assertRestricted } from '../src/events/service-role';
import { benchDatabase, median, printTable, throughput } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
// Calls in one statement take a fraction of a second a round and differ by a few per cent: more
// rounds for them.
const CALL_ROUNDS = 2 * ROUNDS + 1;

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
 * starts on a new pool (onPool), and the timed part should not hold the connecting, the
 * statement's preparation or the function's compilation.
 */
async function measured(
  writers: number,
  op: (writer: number, i: number) => Promise<number>,
): Promise<number> {
  await Promise.all(Array.from({ length: writers }, (_, w) => op(w, 0)));
  return throughput(writers, SECONDS, op);
}

/**
 * `body` on a pool of its own, ended (every connection closed) before the next turn: a turn does not
 * start on connections another turn warmed, nor pay for another pool's connections closing.
 */
async function onPool<T>(url: string, body: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = createPool(url, { max: 32 });
  try {
    return await body(pool);
  } finally {
    await pool.end();
  }
}

const ledgerTurn = (url: string, s: Scenario) =>
  onPool(url, async (pool) => {
    const store = new EventStore(pool);
    try {
      return await ledgerRun(store, s);
    } finally {
      await store.close();
    }
  });

const rawTurn = (url: string, s: Scenario) => onPool(url, (pool) => rawRun(pool, s));

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
 * ledger_append_one's INSERT … SELECT as a statement of its own, its parameters $1…$9 in the
 * function's order: what the store sent itself before migration 0009. Read from the function, so
 * that both do the same work.
 */
async function statementOfAppendOne(owner: pg.Pool): Promise<string> {
  const { rows } = await owner.query<{ body: string; names: string[]; types: string[] }>(
    `SELECT prosrc AS body, proargnames[1:pronargs] AS names,
            ARRAY(SELECT format_type(t, NULL) FROM unnest(proargtypes::oid[]) AS t) AS types
       FROM pg_proc WHERE proname = 'ledger_append_one' AND pronamespace = 'public'::regnamespace`,
  );
  const { body, names, types } = rows[0]!;
  const insert = /RETURN QUERY\s+(INSERT[\s\S]*?);\s*END/.exec(body)?.[1];
  if (!insert) throw new Error('ledger_append_one is no longer RETURN QUERY INSERT …');
  return names.reduce(
    (sql, name, i) => sql.replace(new RegExp(`\\b${name}\\b`, 'g'), () => `$${i + 1}::${types[i]}`),
    insert,
  );
}

/** One event appended to a new stream on `client`, as one statement in its own transaction. */
type AppendOne = (client: pg.PoolClient, stream: string) => Promise<unknown>;

const ONE_DATA = JSON.stringify(data(0));
const ONE_METADATA = JSON.stringify(metadata);
const oneEvent = (stream: string) => [
  stream,
  'exact',
  0,
  randomUUID(),
  'BudgetLineChanged',
  1,
  ONE_DATA,
  ONE_METADATA,
  null,
];
const appendOneWith =
  (name: string, text: string): AppendOne =>
  (client, stream) =>
    client.query({ name, text, values: oneEvent(stream) });
const rawOne: AppendOne = (client, stream) =>
  client.query({
    name: 'raw_one',
    text: `INSERT INTO raw_events (stream_id, stream_version, event_id, type, data, metadata, prev_hash, hash)
           VALUES ($1, 1, $2, 'BudgetLineChanged', $3, $4, $5, $5)`,
    values: [stream, randomUUID(), ONE_DATA, ONE_METADATA, randomBytes(32)],
  });
const FUNCTION_ONE = `SELECT * FROM ledger_append_one($1::text, $2::text, $3::bigint, $4::uuid, $5::text,
  $6::int, $7::jsonb, $8::jsonb, $9::date)`;

/** `n` appends in a row, each its own statement and transaction. */
const inARow =
  (append: AppendOne): Work =>
  async (client, run, n) => {
    for (let i = 0; i < n; i++) await append(client, `one-${run}-${i}`);
  };

/**
 * `n` calls of ledger_append_one in ONE statement (a stream each): no parse, round trip or commit
 * per call, so between the definer and the invoker function only the call itself differs.
 */
const inOneStatement: Work = async (client, run, n) => {
  await client.query(
    `SELECT count(*) FROM generate_series(1, $1::int) AS g,
       LATERAL ledger_append_one($2 || g, 'exact', 0, gen_random_uuid(), 'BudgetLineChanged', 1,
                                 $3::jsonb, $4::jsonb, NULL)`,
    [n, `call-${run}-`, ONE_DATA, ONE_METADATA],
  );
};

interface Cost {
  /** The server backend's CPU µs per unit; undefined when the server runs on another machine. */
  cpu?: number;
  wall: number;
}

/** `n` units of work on `client`; `run` makes its stream ids unique. */
type Work = (client: pg.PoolClient, run: string, n: number) => Promise<void>;

/**
 * What `n` units of `work` cost the server per unit, on one connection, after ten untimed ones
 * (the statement prepared, the function compiled, its generic plan chosen). CPU time is the
 * backend's (/proc/<pid>/schedstat, readable when the server runs on this machine): unlike the
 * wall time it does not count waiting for the disk or for a core on a busy machine.
 */
async function serverCost(pool: pg.Pool, work: Work, n: number): Promise<Cost> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const cpuNanoseconds = () => {
      try {
        return Number(fs.readFileSync(`/proc/${rows[0]!.pid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        return undefined; // the server runs elsewhere
      }
    };
    // Every side's commits wait for the same WAL flush, whose time (and the kernel's CPU in it)
    // varies most on a shared disk: not waited for here, so the figures are the statements' own.
    await client.query('SET synchronous_commit = off');
    await work(client, `warm-${randomUUID().slice(0, 8)}`, 10);
    const cpu0 = cpuNanoseconds();
    const start = performance.now();
    await work(client, randomUUID().slice(0, 8), n);
    const wall = ((performance.now() - start) * 1000) / n;
    const cpu1 = cpuNanoseconds();
    return { wall, cpu: cpu0 && cpu1 && (cpu1 - cpu0) / 1000 / n };
  } finally {
    await client.query('RESET synchronous_commit').catch(() => undefined);
    client.release();
  }
}

/** A side of a comparison, measured once per round; the order of the sides rotates by round. */
interface Side<R> {
  name: string;
  run(): Promise<R>;
}

async function rounds<R>(sides: Side<R>[], count = ROUNDS): Promise<R[][]> {
  const figures = sides.map(() => [] as R[]);
  for (let r = 0; r < count; r++)
    for (let k = 0; k < sides.length; k++) {
      const i = (r + k) % sides.length;
      figures[i]!.push(await sides[i]!.run());
    }
  return figures;
}

interface Pools {
  /** The owner's and the service's URLs, and a small pool of each for the one-connection work. */
  ownerUrl: string;
  serviceUrl: string;
  owner: pg.Pool;
  service: pg.Pool;
}

/** Events/s of each side per scenario; every ratio to raw INSERT but the last. */
async function throughputTable(p: Pools, scenarios: Scenario[]): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const s of scenarios) {
    const [raw, service, owner, invoker] = (
      await rounds<number>([
        { name: 'raw', run: () => rawTurn(p.serviceUrl, s) },
        { name: 'service', run: () => ledgerTurn(p.serviceUrl, s) },
        { name: 'owner', run: () => ledgerTurn(p.ownerUrl, s) },
        { name: 'invoker', run: () => asInvoker(p.owner, () => ledgerTurn(p.ownerUrl, s)) },
      ])
    ).map(median) as [number, number, number, number];
    const ratio = service / raw;
    rows.push([
      s.name,
      s.writers,
      s.batch,
      Math.round(raw),
      Math.round(service),
      ratio.toFixed(2),
      `≥ ${s.target} ${ratio >= s.target ? 'met' : 'MISSED'}`,
      Math.round(owner),
      (owner / raw).toFixed(2),
      Math.round(invoker),
      (invoker / raw).toFixed(2),
      (service / invoker).toFixed(2),
    ]);
    console.error(`done: ${s.name} × ${s.writers}`);
  }
  console.log(
    `\nappend throughput, events/s (median of ${ROUNDS} rounds of ${SECONDS}s); every ratio is to ` +
      'raw INSERT but the last (service ÷ owner, invoker)\n',
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
}

/** The server's µs per single append and per call of the function, beside their baselines. */
async function serverTables(p: Pools): Promise<void> {
  const statement = appendOneWith('statement_one', await statementOfAppendOne(p.owner));
  const inFunction = appendOneWith('function_one', FUNCTION_ONE);
  const table = (title: string, sides: Side<Cost>[], figures: Cost[][]) => {
    const costs = figures.map((f) => ({
      cpu: f.every((c) => c.cpu !== undefined) ? median(f.map((c) => c.cpu!)) : NaN,
      wall: median(f.map((c) => c.wall)),
    }));
    const base = costs[0]!;
    console.log(`\n${title}\n`);
    printTable(
      ['', 'server CPU µs', 'ratio', 'wall µs', 'ratio'],
      costs.map((c, i) => [
        sides[i]!.name,
        c.cpu.toFixed(1),
        (c.cpu / base.cpu).toFixed(2),
        c.wall.toFixed(1),
        (c.wall / base.wall).toFixed(2),
      ]),
    );
  };
  const perAppend: Side<Cost>[] = [
    { name: 'raw INSERT (baseline)', run: () => serverCost(p.service, inARow(rawOne), CALLS) },
    {
      name: "ledger_append_one's INSERT … SELECT as a statement (before 0009), owner",
      run: () => serverCost(p.owner, inARow(statement), CALLS),
    },
    {
      name: 'ledger_append_one as SECURITY INVOKER without SET, owner',
      run: () => asInvoker(p.owner, () => serverCost(p.owner, inARow(inFunction), CALLS)),
    },
    {
      name: 'ledger_append_one as migrated: SECURITY DEFINER SET search_path, owner',
      run: () => serverCost(p.owner, inARow(inFunction), CALLS),
    },
    {
      name: 'ledger_append_one as migrated: SECURITY DEFINER SET search_path, service',
      run: () => serverCost(p.service, inARow(inFunction), CALLS),
    },
  ];
  table(
    `one event per statement, ${CALLS} in a row on one connection: µs per append (median of ${ROUNDS})`,
    perAppend,
    await rounds(perAppend),
  );
  const perCall: Side<Cost>[] = [
    {
      name: 'ledger_append_one as SECURITY INVOKER without SET, owner (baseline)',
      run: () => asInvoker(p.owner, () => serverCost(p.owner, inOneStatement, 10 * CALLS)),
    },
    {
      name: 'ledger_append_one as migrated: SECURITY DEFINER SET search_path, service',
      run: () => serverCost(p.service, inOneStatement, 10 * CALLS),
    },
  ];
  table(
    `${10 * CALLS} calls in one statement: µs per call (median of ${CALL_ROUNDS})`,
    perCall,
    await rounds(perCall, CALL_ROUNDS),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const db = await benchDatabase('bench_append');
  const owner = createPool(db.url, { max: 2 });
  const service = createPool(db.serviceUrl, { max: 2 });
  const pools: Pools = { ownerUrl: db.url, serviceUrl: db.serviceUrl, owner, service };
  const only = process.env.BENCH_ONLY;
  try {
    await owner.query(RAW_TABLE);
    await owner.query('GRANT SELECT, INSERT ON raw_events TO budget_ledger_app');
    // The service's login as src/service.ts makes it: serviceRoleUrl (in benchDatabase), then a
    // pool refused unless it is the restricted role.
    await assertRestricted(service);
    console.log(`server: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'}`);
    const scenarios = SCENARIOS.filter((x) => !only || x.name.includes(only));
    if (scenarios.length) await throughputTable(pools, scenarios);
    if (!only || only === 'server') await serverTables(pools);
  } finally {
    await service.end();
    await owner.end();
    await db.close();
  }
  console.log(`\nwhole run: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
