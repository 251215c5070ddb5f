import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freshDatabase, type TestDatabase } from '../support/db';
import { CLI, cleanEnv, serve } from '../support/cli';
import { freePort } from '../support/ports';

interface LedgerStatusBody {
  data: { ledgerStatus: { settledPosition: string; databaseVersion: string } };
}

async function graphql(
  baseUrl: string,
  query: string,
): Promise<{ status: number; body: LedgerStatusBody }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as LedgerStatusBody };
}

describe('npm start with DATABASE_URL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  test('seeds an empty ledger, serves /healthz and /graphql, and stops cleanly on SIGTERM', async () => {
    const server = await serve(cleanEnv({ DATABASE_URL: db.url }), await freePort());
    try {
      const health = await fetch(`${server.baseUrl}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: { up: true } });
      const { status, body } = await graphql(
        server.baseUrl,
        '{ ledgerStatus { settledPosition databaseVersion } }',
      );
      expect(status).toBe(200);
      // An empty database gets the seed ledger at start-up.
      expect(Number(body.data.ledgerStatus.settledPosition)).toBeGreaterThan(40);
      expect(body.data.ledgerStatus.databaseVersion).toMatch(/^\d+/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('npm start on a machine without PostgreSQL (embedded)', () => {
  test('starts an embedded PostgreSQL in LEDGER_DATA_DIR, which survives a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-ledger-e2e-'));
    fs.chmodSync(dir, 0o777); // run as root, the embedded server runs as the postgres OS user
    const pgPort = await freePort();
    const env = cleanEnv({
      LEDGER_DATA_DIR: path.join(dir, 'postgres'),
      EMBEDDED_PG_PORT: String(pgPort),
      LEDGER_SEED: 'none',
    });
    const url = `postgres://postgres:budget-ledger-embedded@127.0.0.1:${pgPort}/budget_ledger`;
    try {
      const first = await serve(env, await freePort());
      try {
        expect(await (await fetch(`${first.baseUrl}/healthz`)).json()).toMatchObject({
          database: { up: true },
        });
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`SELECT ledger_append('persist-me', 'no_stream', NULL, ARRAY[gen_random_uuid()], ARRAY['Kept'],
                         ARRAY[1], ARRAY['{}'::jsonb], ARRAY['{}'::jsonb], ARRAY[NULL::date])`);
        await c.end();
      } finally {
        expect(await first.stop()).toBe(0);
      }
      // Stopped cleanly: the server is gone and its data directory is intact.
      expect(fs.existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false);

      const second = await serve(env, await freePort());
      try {
        const { body } = await graphql(second.baseUrl, '{ ledgerStatus { settledPosition } }');
        expect(body.data.ledgerStatus.settledPosition).toBe('1');
      } finally {
        expect(await second.stop()).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('embedded PostgreSQL as a normal user', () => {
  // Run as root (CI here), the other tests cover root; this one covers an ordinary account. Run
  // as an ordinary user, every embedded test above already does.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  (isRoot ? test : test.skip)(
    'migrates an embedded database owned by an unprivileged user',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-ledger-nobody-'));
      fs.chownSync(dir, 65534, 65534); // nobody:nogroup
      const env = cleanEnv({
        LEDGER_DATA_DIR: path.join(dir, 'pg'),
        EMBEDDED_PG_PORT: String(await freePort()),
        LEDGER_SEED: 'none',
      });
      try {
        const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, CLI, 'migrate'], {
          env,
          encoding: 'utf8',
          timeout: 120_000,
        });
        expect(r.stdout).toMatch(/applied: 0001_event-store/);
        // The exit code with what the process said last: a failure here must say why.
        expect({ status: r.status, stderr: r.stderr.slice(-2000) }).toMatchObject({ status: 0 });
        expect(fs.statSync(path.join(dir, 'pg')).uid).toBe(65534);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
