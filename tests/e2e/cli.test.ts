import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventStore } from '../../src/events/event-store';
import { freshDatabase, type TestDatabase } from '../support/db';
import { cleanEnv, runCli } from '../support/cli';

let db: TestDatabase;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  db = await freshDatabase();
  env = cleanEnv({ DATABASE_URL: db.url });
  const store = new EventStore(db.appPool);
  await store.append('audit-sample-a', [
    { type: 'BudgetAllocated', data: { amount: '100.00' } },
    { type: 'BudgetAllocated', data: { amount: '200.00' } },
  ]);
  await store.append('audit-sample-b', [{ type: 'BudgetAllocated', data: { amount: '3.00' } }]);
  await store.close();
});
afterAll(() => db.drop());

test('migrate is idempotent', async () => {
  const r = await runCli(['migrate'], env);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/no pending migrations/);
});

test('verify, digest and digest --check on an intact ledger, then after tampering', async () => {
  const ok = await runCli(['verify'], env);
  expect(ok).toMatchObject({ code: 0 });
  expect(ok.stdout).toMatch(/ledger intact: 3 events in 2 streams/);

  const d = await runCli(['digest'], env);
  expect(d.code).toBe(0);
  const [digest, position] = d.stdout.trim().split(' ');
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  expect(position).toBe('3');
  expect((await runCli(['digest', '--check', digest, '--at', position], env)).code).toBe(0);
  expect((await runCli(['digest', '--check', '0'.repeat(64), '--at', position], env)).code).toBe(1);

  const client = await db.ownerPool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(`UPDATE events SET data = '{"amount":"999.00"}' WHERE global_position = 2`);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const bad = await runCli(['verify'], env);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toMatch(
    /BROKEN at position 2: stream audit-sample-a version 2 .*content-altered/,
  );
  const recheck = await runCli(['digest', '--check', digest, '--at', position], env);
  expect(recheck.code).toBe(1);
  expect(recheck.stderr).toMatch(/position 2/);
});

test('seed loads the seed ledger once; a second run appends nothing', async () => {
  const first = await runCli(['seed'], env);
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/seed: [1-9]\d* steps applied, 0 already/);
  const second = await runCli(['seed'], env);
  expect(second.stdout).toMatch(/seed: 0 steps applied, [1-9]\d* already in the ledger/);
});

test('bad arguments exit non-zero with a message', async () => {
  const r = await runCli(['digest', '--at', 'abc'], env);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/whole number/);
});

test('export writes the 13 tables as CSV (as published) and the disclosure as JSON', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
  const csv = await runCli(
    [
      'export',
      '--unit',
      '019',
      '--year',
      '2024',
      '--as-of',
      'published',
      '--format',
      'csv',
      '--out',
      out,
    ],
    env,
  );
  expect(csv.code).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual(
    Array.from({ length: 13 }, (_, i) => `t${String(i + 1).padStart(2, '0')}.csv`),
  );
  const t03 = fs.readFileSync(path.join(out, 't03.csv'), 'utf8').split('\r\n');
  expect(t03[0]).toBe('科目编码,科目名称,合计,基本支出,项目支出');
  expect(t03[1]).toBe(',合计,1256.36,229.24,1027.12');
  const json = await runCli(
    ['export', '--unit', '019', '--year', '2024', '--format', 'json', '--out', out],
    env,
  );
  expect(json.code).toBe(0);
  const doc = JSON.parse(fs.readFileSync(path.join(out, 'disclosure.json'), 'utf8'));
  expect(doc.tables).toHaveLength(13);
  expect(
    doc.consistency.findings.filter((f: { kind: string }) => f.kind === 'inconsistency'),
  ).toEqual([]);
  const bad = await runCli(
    ['export', '--unit', '019', '--year', '2024', '--as-of', 'yesterday', '--out', out],
    env,
  );
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/--as-of/);
  fs.rmSync(out, { recursive: true, force: true });
});
