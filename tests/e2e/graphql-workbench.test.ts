/**
 * The API the web workbench added (src/graphql/workbench) and the download routes, over HTTP to a
 * running server: who a token is, what is published (position and digest), the dry runs of an
 * adjustment and of its approval — decided by the domain, appending nothing, and matching what
 * the real submission and approval then do.
 */
import { startTestServer, type TestServer } from '../support/server';

const OFFICE = '019001|2024|general-public|2010301|public|30201|50201|-|current';
const PREVIEW = `query P($input: SubmitAdjustmentInput!) { previewAdjustment(input: $input) {
  ok basedOnVersion problems { ruleId code title field entry }
  cells { table tableTitle rowKey code name column columnTitle before after }
  lines { lineId entry before after delta } } }`;

const transfer = (amount: string, to = '30211', gov = '50201') => ({
  unitCode: '019001',
  fiscalYear: 2024,
  adjustmentType: 'TRANSFER',
  reason: '差旅费不足',
  documentNumber: '汾财预调（2024）9号',
  effectiveDate: '2024-10-01',
  lines: [
    { line: { lineId: OFFICE }, delta: `-${amount}` },
    {
      line: {
        fundSource: 'general-public',
        functionalCode: '2010301',
        kind: 'public',
        deptEconCode: to,
        govEconCode: gov,
      },
      delta: amount,
    },
  ],
});

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

test('viewer: the role, units and actor of the token; PUBLIC without one', async () => {
  const q = '{ viewer { role unitCodes actor } }';
  expect((await s.gql(q, {}, null)).data?.viewer).toEqual({
    role: 'PUBLIC',
    unitCodes: [],
    actor: 'public',
  });
  expect((await s.gql(q, {}, s.tokens.BUDGET_OFFICER)).data?.viewer).toEqual({
    role: 'BUDGET_OFFICER',
    unitCodes: ['019001', '019002'],
    actor: 'budget_officer:test-officer',
  });
  expect((await s.gql(q, {}, s.tokens.FINANCE_REVIEWER)).data?.viewer.role).toBe(
    'FINANCE_REVIEWER',
  );
});

test('publishedDisclosures: no token needed; the position the public disclosure shows, and the ledger digest there', async () => {
  const r = await s.gql(
    '{ publishedDisclosures { departmentCode departmentName fiscalYear position publishedAt digest units { code name } } }',
  );
  expect(r.errors).toBeUndefined();
  const [d] = r.data!.publishedDisclosures;
  expect(d).toMatchObject({
    departmentCode: '019',
    departmentName: '汾阳市行政审批服务管理局',
    fiscalYear: 2024,
    units: [
      { code: '019001', name: '汾阳市行政审批服务管理局' },
      { code: '019002', name: '数字政府服务中心' },
    ],
  });
  const pub = await s.gql(
    '{ disclosure(departmentCode: "019", fiscalYear: 2024) { asOf { position } } }',
  );
  expect(d.position).toBe(pub.data!.disclosure.asOf.position);
  const kept = await s.gql(
    'query K($at: Position) { ledgerDigest(at: $at) { digest } }',
    { at: d.position },
    s.tokens.AUDITOR,
  );
  expect(d.digest).toBe(kept.data!.ledgerDigest.digest);
});

test('previewAdjustment: the cells and lines a transfer changes once approved; nothing appended; submit and approve then do exactly that', async () => {
  const head = async () =>
    (await s.gql('{ ledgerStatus { settledPosition } }', {}, s.tokens.AUDITOR)).data!.ledgerStatus
      .settledPosition;
  const before = await head();
  const r = await s.gql(PREVIEW, { input: transfer('5000.00') }, s.tokens.BUDGET_OFFICER);
  expect(r.errors).toBeUndefined();
  const p = r.data!.previewAdjustment;
  expect(p.ok).toBe(true);
  expect(p.problems).toEqual([]);
  expect(p.lines).toEqual([
    expect.objectContaining({ lineId: OFFICE, entry: 0, delta: '-5000.00' }),
    expect.objectContaining({ entry: 1, before: '8000.00', after: '13000.00', delta: '5000.00' }),
  ]);
  // 办公费 → 差旅费 moves 0.5 万元 between two rows of table 6 (basic spending by economic class).
  const t06 = p.cells.filter((c: { table: string }) => c.table === 't06');
  expect(
    t06.map((c: { code: string; before: string; after: string }) => [c.code, c.before, c.after]),
  ).toEqual([
    ['30201', '1.92', '1.42'],
    ['30201', '1.92', '1.42'],
    ['30211', '0.80', '1.30'],
    ['30211', '0.80', '1.30'],
  ]);
  expect(t06[0].tableTitle).toContain('基本支出');
  expect(await head()).toBe(before);

  // Submitted at the previewed version, approved: the disclosure now shows the preview's "after".
  const sub = await s.gql(
    `mutation S($input: SubmitAdjustmentInput!) { submitAdjustment(input: $input) { adjustmentId } }`,
    { input: { ...transfer('5000.00'), expectedVersion: p.basedOnVersion } },
    s.tokens.BUDGET_OFFICER,
  );
  expect(sub.errors).toBeUndefined();
  const id = sub.data!.submitAdjustment.adjustmentId;
  const approval = await s.gql(
    `query A($id: String!) { previewApproval(unitCode: "019001", fiscalYear: 2024, adjustmentId: $id) {
      ok basedOnVersion cells { table rowKey code column before after } } }`,
    { id },
    s.tokens.FINANCE_REVIEWER,
  );
  const a = approval.data!.previewApproval;
  expect(a.ok).toBe(true);
  expect(a.cells).toEqual(
    p.cells.map(({ table, rowKey, code, column, before, after }: Record<string, unknown>) => ({
      table,
      rowKey,
      code,
      column,
      before,
      after,
    })),
  );
  const ok = await s.gql(
    `mutation A($input: ApproveAdjustmentInput!) { approveAdjustment(input: $input) { nextExpectedVersion } }`,
    {
      input: {
        unitCode: '019001',
        fiscalYear: 2024,
        adjustmentId: id,
        expectedVersion: a.basedOnVersion,
      },
    },
    s.tokens.FINANCE_REVIEWER,
  );
  expect(ok.errors).toBeUndefined();
  const now = await s.gql(
    `{ disclosure(departmentCode: "019", fiscalYear: 2024, asOf: { recordedAt: "2999-01-01T00:00:00Z" }) {
      table(id: T06) { rows { key code cells { column value } } } } }`,
    {},
    s.tokens.AUDITOR,
  );
  const rows = now.data!.disclosure.table.rows as {
    key: string | null;
    code: string | null;
    cells: { column: string; value: string | null }[];
  }[];
  for (const c of t06) {
    const row = rows.find((x) => x.key === c.rowKey && x.code === c.code)!;
    expect(row.cells.find((x) => x.column === c.column)?.value ?? null).toBe(c.after);
  }
  // The approved adjustment cannot be approved again: the dry run says so, as a value.
  const again = await s.gql(
    `query A($id: String!) { previewApproval(unitCode: "019001", fiscalYear: 2024, adjustmentId: $id) {
      ok problems { ruleId title } } }`,
    { id },
    s.tokens.FINANCE_REVIEWER,
  );
  expect(again.data!.previewApproval).toEqual({
    ok: false,
    problems: [{ ruleId: 'adjustment.already-reviewed', title: '预算调整只能审批一次' }],
  });
});

test('previewAdjustment: a broken rule is a problem naming the entry or field, in Chinese, not an error', async () => {
  const problems = async (input: Record<string, unknown>) => {
    const r = await s.gql(PREVIEW, { input }, s.tokens.BUDGET_OFFICER);
    expect(r.errors).toBeUndefined();
    expect(r.data!.previewAdjustment.ok).toBe(false);
    expect(r.data!.previewAdjustment.cells).toEqual([]);
    return r.data!.previewAdjustment.problems;
  };
  const unbalanced = transfer('100.00');
  unbalanced.lines[1]!.delta = '90.00';
  expect(await problems(unbalanced)).toEqual([
    expect.objectContaining({ ruleId: 'transfer.balanced', title: '调剂须增减相抵', entry: 1 }),
  ]);
  expect(await problems(transfer('100.00', '30217', '50206'))).toEqual([
    expect.objectContaining({
      ruleId: 'policy.sangong-decrease-only',
      code: 'POLICY_VIOLATION',
      title: '“三公”经费只减不增',
      entry: 1,
    }),
  ]);
  expect(await problems({ ...transfer('100.00'), reason: ' ' })).toEqual([
    expect.objectContaining({ ruleId: 'input.invalid', field: 'reason', entry: null }),
  ]);
  const overdrawn = await problems(transfer('99999999.00'));
  expect(overdrawn[0]).toMatchObject({ ruleId: 'line.non-negative', entry: 0 });
});

test('previewAdjustment: the same access as submitAdjustment', async () => {
  const other = await s.gql(PREVIEW, { input: transfer('1.00') }, s.tokens.OTHER_OFFICER);
  expect(other.errors?.[0].extensions.code).toBe('FORBIDDEN');
  const anon = await s.gql(PREVIEW, { input: transfer('1.00') }, null);
  expect(anon.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  const reviewer = await s.gql(PREVIEW, { input: transfer('1.00') }, s.tokens.FINANCE_REVIEWER);
  expect(reviewer.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test('downloads of the published disclosure: XLSX, a table as CSV, the data package; 404 otherwise', async () => {
  const get = (p: string) => fetch(`${s.url}${p}`);
  const xlsx = await get('/disclosures/019/2024/disclosure.xlsx');
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers.get('content-disposition')).toMatch(/019-2024-\d+-disclosure\.xlsx/);
  expect(
    Buffer.from(await xlsx.arrayBuffer())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  const csv = await get('/disclosures/019/2024/t01.csv');
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect(await csv.text()).toContain('1256.36');
  const fdp = (await (await get('/disclosures/019/2024/datapackage.json')).json()) as {
    resources: { path: string }[];
  };
  expect(fdp.resources[0].path).toBe('budget-lines.csv');
  expect((await get('/disclosures/019/2024/budget-lines.csv')).status).toBe(200);
  expect((await get('/disclosures/019/2031/t01.csv')).status).toBe(404);
  expect((await get('/disclosures/019/2024/t14.csv')).status).toBe(404);
});
