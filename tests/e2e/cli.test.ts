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
  expect(bad.stderr).toMatch(/BROKEN at position 2: stream audit-sample-a version 2 .*content-altered/);
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
