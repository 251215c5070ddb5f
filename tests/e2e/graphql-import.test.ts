import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestServer, type TestServer } from '../support/server';

/** Importing a published disclosure over GraphQL (the same import as `import-disclosure`). */
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: false });
});
afterAll(() => s.close());

const text = fs.readFileSync(
  path.join(PROJECT_ROOT, 'data', 'seed', 'fenyang-2024', 'source.txt'),
  'utf8',
);
const IMPORT = `mutation($input: ImportDisclosureInput!) { importDisclosure(input: $input) { ok sha256 problems { line message } steps { status summary } figuresCompared } }`;
const input = (over: Record<string, unknown> = {}) => ({
  input: { text, fileName: 'source.txt', departmentCode: '019', fiscalYear: 2024, ...over },
});

test('only ADMIN may import', async () => {
  expect(
    (await s.gql(IMPORT, input({ dryRun: true }), s.tokens.BUDGET_OFFICER)).errors?.[0].extensions
      .code,
  ).toBe('FORBIDDEN');
  expect((await s.gql(IMPORT, input({ dryRun: true }))).errors?.[0].extensions.code).toBe(
    'UNAUTHENTICATED',
  );
});

test('a dry run plans without appending; the import reproduces the published totals; a re-import appends nothing', async () => {
  const count = async () =>
    (await s.db.ownerPool.query('SELECT count(*)::int n FROM events')).rows[0].n;
  const before = await count();
  const dry = await s.gql(IMPORT, input({ dryRun: true }), s.tokens.ADMIN);
  expect(dry.errors).toBeUndefined();
  expect(dry.data!.importDisclosure.ok).toBe(true);
  expect(
    dry.data!.importDisclosure.steps.every((st: { status: string }) => st.status === 'would-apply'),
  ).toBe(true);
  expect(await count()).toBe(before);

  const real = await s.gql(IMPORT, input(), s.tokens.ADMIN);
  expect(real.data!.importDisclosure.ok).toBe(true);
  expect(real.data!.importDisclosure.figuresCompared).toBeGreaterThan(700);
  const after = await count();
  expect(after).toBeGreaterThan(before);

  const d = await s.gql(
    '{ disclosure(departmentCode: "019", fiscalYear: 2024, asOf: {}) { table(id: T03) { rows { code cells { column value } } } } }',
    {},
    s.tokens.AUDITOR,
  );
  const total = d.data!.disclosure.table.rows[0].cells as { column: string; value: string }[];
  expect(Object.fromEntries(total.map((c) => [c.column, c.value]))).toMatchObject({
    total: '1256.36',
    basic: '229.24',
    project: '1027.12',
  });

  const again = await s.gql(IMPORT, input(), s.tokens.ADMIN);
  expect(
    again.data!.importDisclosure.steps.every(
      (st: { status: string }) => st.status === 'already-imported',
    ),
  ).toBe(true);
  expect(await count()).toBe(after);
});

test('a garbled document is refused with its line, and changes nothing', async () => {
  const count = async () =>
    (await s.db.ownerPool.query('SELECT count(*)::int n FROM events')).rows[0].n;
  const before = await count();
  const r = await s.gql(
    IMPORT,
    input({ text: text.slice(0, 4000), departmentCode: '020' }),
    s.tokens.ADMIN,
  );
  expect(r.data!.importDisclosure.ok).toBe(false);
  expect(r.data!.importDisclosure.problems.length).toBeGreaterThan(0);
  expect(await count()).toBe(before);
});
