import { createHash } from 'node:crypto';
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

  // Imported by a named administrator: every event it appends records who, like any other write.
  const importer = await s.token({ role: 'ADMIN', label: '王管理员', person: 'wang.admin' });
  const head = (await s.db.ownerPool.query('SELECT max(global_position) AS p FROM events')).rows[0]
    .p as string | null;
  const real = await s.gql(IMPORT, input(), importer);
  expect(real.data!.importDisclosure.ok).toBe(true);
  expect(real.data!.importDisclosure.figuresCompared).toBeGreaterThan(700);
  const after = await count();
  expect(after).toBeGreaterThan(before);
  const appended = (
    await s.db.ownerPool.query(
      'SELECT type, metadata FROM events WHERE global_position > $1 ORDER BY global_position',
      [head ?? '0'],
    )
  ).rows as { type: string; metadata: Record<string, unknown> }[];
  expect(appended).toHaveLength(after - before);
  expect(new Set(appended.map((e) => e.type))).toContain('BudgetUnitRegistered');
  for (const e of appended)
    expect([e.type, e.metadata.person, e.metadata.actor]).toEqual([
      e.type,
      'wang.admin',
      'admin:王管理员',
    ]);

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

describe('a PDF as published, sent as base64 content', () => {
  const pdfFile = path.join(
    PROJECT_ROOT,
    'data/corpus/pdf/putuo-government-office-2025-dept-budget.pdf',
  );
  const pdf = fs.readFileSync(pdfFile);
  const pdfInput = (over: Record<string, unknown> = {}) => ({
    input: {
      content: pdf.toString('base64'),
      mediaType: 'application/pdf',
      fileName: 'putuo-government-office-2025-dept-budget.pdf',
      departmentCode: '321',
      fiscalYear: 2025,
      ...over,
    },
  });
  const IMPORT_PDF = `mutation($input: ImportDisclosureInput!) { importDisclosure(input: $input) { ok sha256 source problems { line place message } steps { status } figuresCompared } }`;

  test('is read in the server and imported as the CLI imports it, sourced by the PDF', async () => {
    const r = await s.gql(IMPORT_PDF, pdfInput(), s.tokens.ADMIN);
    expect(r.errors).toBeUndefined();
    const out = r.data!.importDisclosure;
    expect(out.problems).toEqual([]);
    expect(out.ok).toBe(true);
    expect(out.source).toBe('pdf');
    expect(out.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(out.figuresCompared).toBeGreaterThan(300);
    expect(out.steps.every((st: { status: string }) => st.status === 'applied')).toBe(true);
  }, 120_000);

  test('a 决算 PDF is refused naming the document type, its place given in the PDF', async () => {
    const file = path.join(
      PROJECT_ROOT,
      'data/corpus/pdf/putuo-social-work-dept-2024-dept-final-accounts.pdf',
    );
    const r = await s.gql(
      IMPORT_PDF,
      pdfInput({
        content: fs.readFileSync(file).toString('base64'),
        fiscalYear: 2024,
        departmentCode: '323',
      }),
      s.tokens.ADMIN,
    );
    const out = r.data!.importDisclosure;
    expect(out.ok).toBe(false);
    expect(out.problems[0].message).toMatch(/部门决算/);
    expect(out.problems[0].place).toMatch(/^page \d+ /);
  }, 60_000);

  test.each([
    ['both text and content', { text: 'x' }, 'text-or-content'],
    ['neither', { content: null }, 'text-or-content'],
    ['content that is not base64', { content: '%%%' }, 'base64'],
    ['an unknown media type', { mediaType: 'image/png' }, 'media-type'],
    [
      'text bytes declared a PDF',
      { content: Buffer.from('hello').toString('base64') },
      'not-a-pdf',
    ],
    [
      'a PDF header with no PDF after it',
      { content: Buffer.from('%PDF-1.7\n').toString('base64') },
      'unreadable-pdf',
    ],
    ['content over the bound', { content: 'A'.repeat(960_000) }, 'too-large'],
  ])('%s is BAD_USER_INPUT naming the field and why', async (_, over, reason) => {
    const r = await s.gql(IMPORT_PDF, pdfInput(over), s.tokens.ADMIN);
    expect(r.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions).toMatchObject({ details: { reason } });
  });
});
