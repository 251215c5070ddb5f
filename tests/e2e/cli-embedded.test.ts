/**
 * The CLI as a new user runs it: no DATABASE_URL, so the embedded PostgreSQL in LEDGER_DATA_DIR.
 * While `npm start` runs on that data directory the CLI uses the service's database (a second
 * postmaster cannot start on it); with no service running it starts the database itself. In both
 * cases every command's exit code says whether it succeeded: an auditor's script relies on
 * `verify` and `digest --check` exiting non-zero on a tampered ledger.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cleanEnv, runCli, serve, type Served } from '../support/cli';
import { freePort } from '../support/ports';

let dir: string;
let env: NodeJS.ProcessEnv;
let ownerUrl: string;
let server: Served | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-ledger-cli-embedded-'));
  fs.chmodSync(dir, 0o777); // run as root, the embedded server runs as the postgres OS user
  const pgPort = await freePort();
  env = cleanEnv({ LEDGER_DATA_DIR: path.join(dir, 'postgres'), EMBEDDED_PG_PORT: String(pgPort) });
  ownerUrl = `postgres://postgres:budget-ledger-embedded@127.0.0.1:${pgPort}/budget_ledger`;
  server = await serve(env, await freePort(), 180_000);
}, 200_000);

afterAll(async () => {
  if (server) await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function tamper(): Promise<void> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query('SET LOCAL session_replication_role = replica');
    await c.query(
      `UPDATE events SET data = jsonb_set(data, '{tampered}', 'true') WHERE global_position = 5`,
    );
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

let keptDigest: string;
let keptAt: string;

describe('with the service running on the embedded database', () => {
  test('the service logs in as budget_ledger_app with its own password, kept beside the data directory for its owner only', async () => {
    const file = path.join(dir, 'service-role.password');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const password = fs.readFileSync(file, 'utf8').trim();
    const c = new pg.Client({ connectionString: ownerUrl });
    await c.connect();
    try {
      const { rows } = await c.query(
        `SELECT DISTINCT usename FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'budget-ledger'`,
      );
      expect(rows).toEqual([{ usename: 'budget_ledger_app' }]);
    } finally {
      await c.end();
    }
    const login = (pw: string) =>
      new pg.Client({
        connectionString: ownerUrl.replace(
          'postgres:budget-ledger-embedded@',
          `budget_ledger_app:${pw}@`,
        ),
      });
    const right = login(password);
    await right.connect();
    expect((await right.query('SELECT current_user AS u')).rows).toEqual([
      { u: 'budget_ledger_app' },
    ]);
    await right.end();
    await expect(login('not-the-password').connect()).rejects.toMatchObject({ code: '28P01' });
  });

  test('token create makes a token the running service accepts', async () => {
    const r = await runCli(['token', 'create', '--role', 'AUDITOR', '--label', 'cli-beside'], env);
    expect(r.code).toBe(0);
    const token = /blt_\S+/.exec(r.stdout)?.[0];
    expect(token).toBeDefined();
    const res = await fetch(`${server!.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ verifyLedger { ok } }' }),
    });
    expect(await res.json()).toEqual({ data: { verifyLedger: { ok: true } } });
  });

  test('verify and digest read the service’s ledger; a wrong digest exits 1', async () => {
    const v = await runCli(['verify'], env);
    expect(v.stdout).toMatch(/ledger intact: \d+ events/);
    expect(v.code).toBe(0);
    const d = await runCli(['digest'], env);
    expect(d.code).toBe(0);
    [keptDigest, keptAt] = d.stdout.trim().split(' ') as [string, string];
    expect(keptDigest).toMatch(/^[0-9a-f]{64}$/);
    expect((await runCli(['digest', '--check', keptDigest, '--at', keptAt], env)).code).toBe(0);
    const wrong = await runCli(['digest', '--check', 'f'.repeat(64), '--at', keptAt], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/digest MISMATCH/);
  });

  test('export writes the seed disclosure', async () => {
    const out = path.join(dir, 'export');
    const r = await runCli(
      ['export', '--unit', '019', '--year', '2024', '--format', 'csv', '--out', out],
      env,
    );
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(out, 't01.csv'), 'utf8')).toContain('一般公共预算');
  });

  test('import-lines with a bad line exits 1 and applies nothing; import-disclosure --dry-run of a valid document exits 0', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      file,
      'unit_code,fiscal_year,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,' +
        'project_code,origin,amount\n019001,2024,general-public,2010301,public,39999,50201,,current,1.00\n',
    );
    const bad = await runCli(
      ['import-lines', file, '--unit', '019001', '--year', '2024', '--kind', 'allocation'],
      env,
    );
    expect(bad.stdout).toMatch(/nothing applied/);
    expect(bad.code).toBe(1);
    const dry = await runCli(
      [
        'import-disclosure',
        'data/samples/shanghai-finance-bureau-2025-unit-budget.txt',
        '--unit',
        '777',
        '--year',
        '2025',
        '--dry-run',
      ],
      env,
    );
    expect(dry.stdout).toMatch(/valid \(dry run, nothing applied\)/);
    expect(dry.code).toBe(0);
  });

  test('check-disclosure exits 1 on the seed’s own inconsistencies, 2 on a missing file', async () => {
    expect(
      (await runCli(['check-disclosure', 'data/seed/fenyang-2024/source.txt'], env)).code,
    ).toBe(1);
    expect((await runCli(['check-disclosure', 'no/such/file.txt'], env)).code).toBe(2);
  });

  test('verify on a tampered ledger exits 1 naming the event; the kept digest no longer checks', async () => {
    await tamper();
    const v = await runCli(['verify'], env);
    expect(v.stderr).toMatch(/ledger BROKEN at position 5/);
    expect(v.code).toBe(1);
    const c = await runCli(['digest', '--check', keptDigest, '--at', keptAt], env);
    expect(c.code).toBe(1);
    // The service kept running throughout: the CLI never stopped its database.
    expect((await fetch(`${server!.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('with no service running (the CLI starts the embedded database itself)', () => {
  beforeAll(async () => {
    expect(await server!.stop()).toBe(0);
    server = undefined;
  });

  test('verify and digest --check still exit 1 on the tampered ledger', async () => {
    const v = await runCli(['verify'], env);
    expect(v.stderr).toMatch(/ledger BROKEN at position 5/);
    expect(v.code).toBe(1);
    const c = await runCli(['digest', '--check', keptDigest, '--at', keptAt], env);
    expect(c.stderr).toMatch(/digest MISMATCH/);
    expect(c.code).toBe(1);
  });

  test('token create and a bad command line exit as they should', async () => {
    const t = await runCli(['token', 'create', '--role', 'AUDITOR', '--label', 'alone'], env);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/blt_/);
    const bad = await runCli(['token', 'revoke', 'not-a-uuid'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/UUID/);
    const out = path.join(dir, 'export-alone');
    const e = await runCli(
      ['export', '--unit', '019', '--year', '2024', '--format', 'json', '--out', out],
      env,
    );
    expect(e.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'disclosure.json'))).toBe(true);
    // The CLI stopped the database it started.
    expect(fs.existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
  });
});
