/**
 * The embedded PostgreSQL dies under the running service (kill -9 of the postmaster). The service
 * restarts it and answers 503 SERVICE_UNAVAILABLE meanwhile, never 500; what was written before
 * is there after; SIGTERM still stops it within 3 s. When the database cannot be restarted, the
 * service exits 1 saying why, instead of answering errors forever.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cleanEnv, serve } from '../support/cli';
import { freePort } from '../support/ports';

const STATUS = JSON.stringify({ query: '{ ledgerStatus { settledPosition } }' });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ask(baseUrl: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: STATUS,
  });
  return { status: res.status, body: await res.json() };
}

function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function embeddedService() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-ledger-death-'));
  fs.chmodSync(dir, 0o777); // run as root, the embedded server runs as the postgres OS user
  const dataDir = path.join(dir, 'pg');
  const env = cleanEnv({
    LEDGER_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    LEDGER_SEED: 'none',
  });
  const server = await serve(env, await freePort(), 120_000);
  const ownerUrl = `postgres://postgres:budget-ledger-embedded@127.0.0.1:${env.EMBEDDED_PG_PORT}/budget_ledger`;
  return { dir, dataDir, server, ownerUrl };
}

test('kill -9 of the embedded PostgreSQL: 503 meanwhile, restarted, data kept, SIGTERM in 3 s', async () => {
  const { dir, dataDir, server, ownerUrl } = await embeddedService();
  try {
    const c = new pg.Client({ connectionString: ownerUrl });
    await c.connect();
    await c.query(`SELECT ledger_append('kept', 'no_stream', NULL, ARRAY[gen_random_uuid()],
      ARRAY['Kept'], ARRAY[1], ARRAY['{}'::jsonb], ARRAY['{}'::jsonb], ARRAY[NULL::date])`);
    await c.end();
    expect((await ask(server.baseUrl)).body.data.ledgerStatus.settledPosition).toBe('1');
    process.kill(postmasterPid(dataDir), 'SIGKILL');
    const statuses: number[] = [];
    const deadline = Date.now() + 90_000;
    for (;;) {
      const r = await ask(server.baseUrl).catch(() => ({ status: 0, body: null }));
      statuses.push(r.status);
      if (r.status === 503) expect(r.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      if (r.status === 200 && statuses.includes(503)) break;
      if (Date.now() > deadline) throw new Error(`not recovered: ${statuses.join(',')}`);
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect((await ask(server.baseUrl)).body.data.ledgerStatus.settledPosition).toBe('1');
    expect(server.output()).toMatch(/embedded PostgreSQL restarted/);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    const started = Date.now();
    expect(await server.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(3_000);
  } finally {
    server.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

test('a database that cannot be restarted ends the service with exit 1 and the reason', async () => {
  const { dir, dataDir, server } = await embeddedService();
  try {
    const exited = new Promise<number | null>((r) => server.child.on('exit', (c) => r(c)));
    process.kill(postmasterPid(dataDir), 'SIGKILL');
    // Its data gone, PostgreSQL cannot start again on it.
    fs.renameSync(dataDir, `${dataDir}-moved`);
    expect(await exited).toBe(1);
    expect(server.output()).toMatch(/embedded PostgreSQL could not be restarted, stopping/);
  } finally {
    server.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
