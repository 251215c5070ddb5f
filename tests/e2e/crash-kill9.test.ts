/**
 * Crash test (issue 15, done-when 2): 32 concurrent writers submit 调剂 with Idempotency-Keys to
 * the service run as a child process, and retry every request, with its key, until it is
 * acknowledged. Mid-run the service is killed with SIGKILL (and started again), or, separately,
 * its embedded PostgreSQL is (the service restarts it). Afterwards every acknowledged write is in
 * the log exactly once, `verify` passes, and a digest kept before the crash still checks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createAccessToken } from '../../src/events/access-tokens';
import { lineBalances } from '../../src/projections/budget-lines';
import { cleanEnv, runCli, serve, type Served } from '../support/cli';
import { freshDatabase } from '../support/db';
import { freePort } from '../support/ports';

const WRITERS = 32;
const PER_WRITER = 4;
const SUBMIT = `mutation($input: SubmitAdjustmentInput!) {
  submitAdjustment(input: $input) { adjustmentId replayed events { id globalPosition } } }`;

interface Ack {
  key: string;
  events: { id: string; globalPosition: string }[];
}

interface Ledger {
  env: NodeJS.ProcessEnv;
  /** A pool as the database owner. */
  pool: pg.Pool;
  server: Served;
  port: number;
}

/** The officer's token and two lines of 019001 to move money between (the seed's). */
async function prepare(pool: pg.Pool): Promise<{ token: string; from: string; to: string }> {
  const token = (
    await createAccessToken(pool, {
      role: 'BUDGET_OFFICER',
      unitCodes: ['019001'],
      person: 'crash',
      label: 'crash',
    })
  ).token;
  const lines = await lineBalances(pool, ['019001'], 2024);
  const find = (econ: string) =>
    lines.find((l) => l.line.deptEconCode === econ && l.line.kind === 'public')!.lineId;
  return { token, from: find('30201'), to: find('30211') };
}

/**
 * Each writer submits its adjustments one after another; a request is sent again, with the same
 * key and input, until it is acknowledged (the service down, the database restarting: 503, a
 * refused connection; or CONCURRENCY_CONFLICT, when the service's own retries lost the race for
 * the stream to the other writers). `crash` runs once a quarter of the writes are acknowledged.
 */
async function writeThrough(
  ledger: Ledger,
  crash: () => Promise<void>,
): Promise<{ acks: Ack[]; outage: number }> {
  const { token, from, to } = await prepare(ledger.pool);
  const acks: Ack[] = [];
  let retries = 0;
  let outage = 0;
  let crashed: Promise<void> | null = null;
  const submit = async (w: number, i: number): Promise<void> => {
    const key = `crash-${w}-${i}`;
    const input = {
      unitCode: '019001',
      fiscalYear: 2024,
      adjustmentType: 'TRANSFER',
      reason: '压力测试：办公费调剂至差旅费',
      documentNumber: `汾财预调（2024）crash-${w}-${i}号`,
      effectiveDate: '2024-10-01',
      lines: [
        { line: { lineId: from }, delta: '-1.00' },
        { line: { lineId: to }, delta: '1.00' },
      ],
    };
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${ledger.port}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'idempotency-key': key,
          },
          body: JSON.stringify({ query: SUBMIT, variables: { input } }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await res.json()) as {
          data?: { submitAdjustment: { events: Ack['events'] } } | null;
          errors?: { extensions: { code: string } }[];
        };
        if (res.status === 200 && body.data?.submitAdjustment && !body.errors) {
          acks.push({ key, events: body.data.submitAdjustment.events });
          if (!crashed && acks.length >= (WRITERS * PER_WRITER) / 4) crashed = crash();
          return;
        }
        // Only the outage, or 32 writers racing for one stream, may refuse a write: anything else
        // is a failure of the test.
        const code = body.errors?.[0]?.extensions.code;
        expect(['SERVICE_UNAVAILABLE', 'CONCURRENCY_CONFLICT']).toContain(code);
        if (code === 'SERVICE_UNAVAILABLE') outage++;
      } catch (err) {
        if ((err as { matcherResult?: unknown }).matcherResult) throw err;
        outage++; // the service is down: the connection was refused or reset
      }
      retries++;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < PER_WRITER; i++) await submit(w, i);
    }),
  );
  await crashed;
  expect(retries).toBeGreaterThanOrEqual(outage);
  return { acks, outage };
}

/** Every acknowledged write is in the log exactly once: its events, under its key, and no more. */
async function expectEachOnce(pool: pg.Pool, acks: Ack[]): Promise<void> {
  expect(acks).toHaveLength(WRITERS * PER_WRITER);
  const rows = (
    await pool.query<{ key: string; ids: string[]; positions: string[] }>(
      `SELECT metadata->>'idempotencyKey' AS key, array_agg(event_id::text) AS ids,
              array_agg(global_position::text) AS positions
         FROM events WHERE metadata->>'idempotencyKey' LIKE 'crash-%' GROUP BY 1`,
    )
  ).rows;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  expect(byKey.size).toBe(acks.length);
  for (const ack of acks) {
    const row = byKey.get(ack.key)!;
    expect(row).toBeDefined();
    expect([...row.ids].sort()).toEqual(ack.events.map((e) => e.id).sort());
    expect([...row.positions].sort()).toEqual(ack.events.map((e) => e.globalPosition).sort());
  }
}

/** The digest at the head before the run, as an auditor keeps it. */
async function keepDigest(env: NodeJS.ProcessEnv): Promise<[string, string]> {
  const r = await runCli(['digest'], env);
  expect(r.code).toBe(0);
  const [digest, position] = r.stdout.trim().split(/\s+/) as [string, string];
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  return [digest, position];
}

async function expectIntact(env: NodeJS.ProcessEnv, kept: [string, string]): Promise<void> {
  const v = await runCli(['verify'], env);
  expect(v.code).toBe(0);
  const [digest, position] = kept;
  const d = await runCli(['digest', '--check', digest, '--at', position], env);
  expect(d.stdout).toMatch(/digest matches/);
  expect(d.code).toBe(0);
}

test('kill -9 of the service mid-run: after a restart every acknowledged write is there once', async () => {
  const db = await freshDatabase();
  const port = await freePort();
  const env = cleanEnv({ DATABASE_URL: db.url });
  const ledger: Ledger = { env, pool: db.ownerPool, port, server: await serve(env, port) };
  try {
    const kept = await keepDigest(env);
    const { acks, outage } = await writeThrough(ledger, async () => {
      ledger.server.child.kill('SIGKILL');
      await new Promise((r) => ledger.server.child.once('exit', r));
      ledger.server = await serve(env, port);
    });
    expect(outage).toBeGreaterThan(0); // writes were refused by the crash, and retried
    await expectEachOnce(db.ownerPool, acks);
    await expectIntact(env, kept);
  } finally {
    ledger.server.child.kill('SIGKILL');
    await db.drop();
  }
}, 150_000);

test('kill -9 of the embedded PostgreSQL mid-run: the service restarts it, every write once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-ledger-crash-'));
  fs.chmodSync(dir, 0o777); // run as root, the embedded server runs as the postgres OS user
  const dataDir = path.join(dir, 'pg');
  const pgPort = await freePort();
  const env = cleanEnv({ LEDGER_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) });
  const port = await freePort();
  const pool = new pg.Pool({
    connectionString: `postgres://postgres:budget-ledger-embedded@127.0.0.1:${pgPort}/budget_ledger`,
    max: 2,
  });
  pool.on('error', () => undefined); // its connections die with the postmaster
  const ledger: Ledger = { env, pool, port, server: await serve(env, port, 150_000) };
  try {
    const kept = await keepDigest(env);
    const { acks, outage } = await writeThrough(ledger, async () => {
      const pid = Number(
        fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      process.kill(pid, 'SIGKILL');
    });
    expect(outage).toBeGreaterThan(0); // writes were refused by the crash, and retried
    expect(ledger.server.output()).toMatch(/embedded PostgreSQL restarted/);
    await expectEachOnce(pool, acks);
    await expectIntact(env, kept);
  } finally {
    await pool.end().catch(() => undefined);
    ledger.server.child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 240_000);
