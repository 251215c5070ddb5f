import { cleanEnv, runCli } from '../support/cli';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  s = await startTestServer();
  env = cleanEnv({ DATABASE_URL: s.db.url });
});
afterAll(() => s.close());

const ADJUSTMENTS = '{ adjustments(first: 1) { totalCount edges { node { unitCode } } } }';

test('token create prints a token once; it works over GraphQL with its role and units; token revoke stops it', async () => {
  const created = await runCli(
    [
      'token',
      'create',
      '--role',
      'BUDGET_OFFICER',
      '--unit',
      '019001',
      '--unit',
      '019002',
      '--label',
      'alice',
      '--person',
      'alice.wang',
    ],
    env,
  );
  expect(created.code).toBe(0);
  const token = created.stdout.trim();
  expect(token).toMatch(/^blt_[A-Za-z0-9_-]{43}$/);
  const id = /token ([0-9a-f-]{36}):/.exec(created.stderr)?.[1];
  expect(id).toBeDefined();
  expect(created.stderr).toMatch(/person alice\.wang, actor budget_officer:alice/);

  const mine = await s.gql(ADJUSTMENTS, {}, token);
  expect(mine.errors).toBeUndefined();
  expect(mine.data?.adjustments.totalCount).toBeGreaterThan(0);
  // Its units are 019001/019002 only; verifyLedger is for auditors.
  expect((await s.gql('{ verifyLedger { ok } }', {}, token)).errors?.[0].extensions.code).toBe(
    'FORBIDDEN',
  );

  const revoked = await runCli(['token', 'revoke', id!], env);
  expect(revoked).toMatchObject({ code: 0 });
  expect(revoked.stdout).toMatch(`revoked ${id}`);
  const after = await s.gql(ADJUSTMENTS, {}, token);
  expect(after.status).toBe(401);
  expect(after.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  expect((await runCli(['token', 'revoke', id!], env)).code).toBe(1);
});

test('an AUDITOR token reads audit queries; the stored row holds a hash, never the token', async () => {
  const created = await runCli(
    ['token', 'create', '--role', 'AUDITOR', '--label', 'audit-office'],
    env,
  );
  expect(created.code).toBe(0);
  const token = created.stdout.trim();
  expect((await s.gql('{ verifyLedger { ok } }', {}, token)).data?.verifyLedger.ok).toBe(true);
  const { rows } = await s.db.appPool.query(
    "SELECT token_hash, label FROM api_tokens WHERE label = 'audit-office'",
  );
  expect(rows).toHaveLength(1);
  expect(JSON.stringify(rows)).not.toContain(token);
});

test('a reviewer token limited to a department, of a person: the viewer says so, and another department is out of its reach', async () => {
  const created = await runCli(
    ['token', 'create', '--role', 'FINANCE_REVIEWER', '--person', 'li.ke', '--department', '020'],
    env,
  );
  expect(created.code).toBe(0);
  expect(created.stderr).toMatch(
    /FINANCE_REVIEWER for department 020, person li\.ke, actor finance_reviewer:li\.ke/,
  );
  const token = created.stdout.trim();
  const viewer = await s.gql('{ viewer { role departmentCodes person } }', {}, token);
  expect(viewer.data?.viewer).toEqual({
    role: 'FINANCE_REVIEWER',
    departmentCodes: ['020'],
    person: 'li.ke',
  });
  const other = await s.gql('{ adjustments(unitCode: "019001") { totalCount } }', {}, token);
  expect(other.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test('bad arguments exit non-zero with a message', async () => {
  const role = await runCli(['token', 'create', '--role', 'PUBLIC'], env);
  expect(role.code).not.toBe(0);
  expect(role.stderr).toMatch(/ADMIN, BUDGET_OFFICER, FINANCE_REVIEWER, AUDITOR/);
  const noPerson = await runCli(['token', 'create', '--role', 'BUDGET_OFFICER'], env);
  expect(noPerson.code).not.toBe(0);
  expect(noPerson.stderr).toMatch(/--person/);
  const officer = ['token', 'create', '--role', 'BUDGET_OFFICER', '--person', 'bob'];
  const noUnit = await runCli(officer, env);
  expect(noUnit.code).not.toBe(0);
  expect(noUnit.stderr).toMatch(/at least one unit/);
  const departmentOnOfficer = await runCli(
    [...officer, '--unit', '019001', '--department', '019'],
    env,
  );
  expect(departmentOnOfficer.stderr).toMatch(/departments apply to FINANCE_REVIEWER and AUDITOR/);
  const unitOnReviewer = await runCli(
    ['token', 'create', '--role', 'FINANCE_REVIEWER', '--person', 'bob', '--unit', '019001'],
    env,
  );
  expect(unitOnReviewer.code).not.toBe(0);
  // A person id never looks like a "<role>:<label>" name recorded before persons existed.
  const colon = await runCli(
    [...officer.slice(0, 5), 'finance_reviewer:bob', '--unit', '019001'],
    env,
  );
  expect(colon.stderr).toMatch(/without spaces or ":"/);
  expect((await runCli(['token', 'revoke', 'not-a-uuid'], env)).stderr).toMatch(/UUID/);
}, 180_000); // eight runs of the CLI, each a new Node process
