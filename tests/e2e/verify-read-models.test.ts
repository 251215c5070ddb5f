import { cleanEnv, runCli } from '../support/cli';
import { startTestServer, type TestServer } from '../support/server';

/**
 * An auditor's view of a tampered read model: whoever writes postings straight into the database
 * (only the owner can; the service role cannot, docs/security.md) is caught by `verify`, which
 * exits 1 naming the row, and by the verifyLedger query; `rebuild` restores them from the log.
 */
let s: TestServer;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  s = await startTestServer();
  env = cleanEnv({ DATABASE_URL: s.db.url });
});
afterAll(() => s.close());

const VERIFY = `{ verifyLedger { ok firstBroken { globalPosition }
  firstReadModelDifference { table globalPosition key problem expected actual } } }`;

async function lastPosting(): Promise<{ position: string; ordinal: number }> {
  const { rows } = await s.db.ownerPool.query(
    `SELECT global_position::text AS position, ordinal FROM line_postings
      ORDER BY global_position DESC, ordinal LIMIT 1`,
  );
  return rows[0];
}

async function expectCaught(
  position: string,
  key: string,
  problem: 'no-event' | 'changed' | 'missing',
): Promise<void> {
  const cli = await runCli(['verify'], env);
  expect(cli.stderr).toMatch(
    `read model DIFFERS at position ${position}: line_postings row ${key} (${problem})`,
  );
  expect(cli.code).toBe(1);
  const q = await s.gql(VERIFY, {}, s.tokens.AUDITOR);
  expect(q.data?.verifyLedger).toMatchObject({
    ok: false,
    firstBroken: null,
    firstReadModelDifference: { table: 'line_postings', globalPosition: position, key, problem },
  });
  const rebuilt = await runCli(['rebuild'], env);
  expect(rebuilt.code).toBe(0);
  expect((await runCli(['verify'], env)).code).toBe(0);
}

test('given the seeded ledger, verify says the read models are what the events imply', async () => {
  const cli = await runCli(['verify'], env);
  expect(cli.stdout).toMatch(/ledger intact: \d+ events in \d+ streams; \d+ read-model rows/);
  expect(cli.code).toBe(0);
  expect((await s.gql(VERIFY, {}, s.tokens.AUDITOR)).data?.verifyLedger).toEqual({
    ok: true,
    firstBroken: null,
    firstReadModelDifference: null,
  });
});

test('given a posting of +5,000,000.00 forged as the owner, with no event, verify exits 1 naming it', async () => {
  const p = await lastPosting();
  await s.db.ownerPool.query(
    `INSERT INTO line_postings
       SELECT global_position, 999, transaction_id, stream_id, event_type, recorded_at, effective_date,
              line_id, unit_code, fiscal_year, fund_source, functional_code, kind, dept_econ_code,
              gov_econ_code, project_code, origin, 5000000.00
         FROM line_postings WHERE global_position = $1 AND ordinal = $2`,
    [p.position, p.ordinal],
  );
  const q = await s.gql(VERIFY, {}, s.tokens.AUDITOR);
  expect(JSON.parse(q.data?.verifyLedger.firstReadModelDifference.actual)).toMatchObject({
    delta: 5000000,
  });
  await expectCaught(p.position, '999', 'no-event');
});

test('given a posting changed as the owner, verify exits 1 naming it as changed', async () => {
  const p = await lastPosting();
  await s.db.ownerPool.query(
    'UPDATE line_postings SET delta = delta + 5000000 WHERE global_position = $1 AND ordinal = $2',
    [p.position, p.ordinal],
  );
  await expectCaught(p.position, String(p.ordinal), 'changed');
});

test('given a posting deleted as the owner, verify exits 1 naming it as missing', async () => {
  const p = await lastPosting();
  await s.db.ownerPool.query(
    'DELETE FROM line_postings WHERE global_position = $1 AND ordinal = $2',
    [p.position, p.ordinal],
  );
  await expectCaught(p.position, String(p.ordinal), 'missing');
});
