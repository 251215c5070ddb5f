import { startTestServer, type TestServer } from '../support/server';

/**
 * Who may do what, one test per role × operation. Every mutation is sent with expectedVersion "0"
 * on a stream that is well past it: a caller that is allowed gets past authorisation and is
 * stopped by CONCURRENCY_CONFLICT (so the table changes nothing); one that is not gets FORBIDDEN,
 * or UNAUTHENTICATED without a token.
 */
type Caller =
  'ADMIN' | 'BUDGET_OFFICER' | 'OTHER_OFFICER' | 'FINANCE_REVIEWER' | 'AUDITOR' | 'PUBLIC';
type Kind = 'officer' | 'reviewer' | 'admin' | 'reader';

const UY = 'unitCode: "019001", fiscalYear: 2024, expectedVersion: "0"';
const LINE = 'line: { lineId: "019001|2024|general-public|2010301|public|30201|50201|-|current" }';
const FORM = 'form: { indicators: [{ level1: "产出指标", value: "1" }] }';
const OPERATIONS: { name: string; kind: Kind; doc: string }[] = [
  {
    name: 'registerBudgetUnit',
    kind: 'admin',
    doc: 'registerBudgetUnit(input: { unitCode: "019001", name: "x", kind: "administrative", departmentCode: "019", expectedVersion: "0" }) { streamId }',
  },
  {
    name: 'openFiscalYear',
    kind: 'reviewer',
    doc: `openFiscalYear(input: { ${UY} }) { streamId }`,
  },
  {
    name: 'closeFiscalYear',
    kind: 'reviewer',
    doc: `closeFiscalYear(input: { ${UY} }) { streamId }`,
  },
  {
    name: 'approveAdjustment',
    kind: 'reviewer',
    doc: `approveAdjustment(input: { ${UY}, adjustmentId: "ADJ-2024-001" }) { streamId }`,
  },
  {
    name: 'rejectAdjustment',
    kind: 'reviewer',
    doc: `rejectAdjustment(input: { ${UY}, adjustmentId: "ADJ-2024-001", reason: "x" }) { streamId }`,
  },
  {
    name: 'allocateInitialBudget',
    kind: 'officer',
    doc: `allocateInitialBudget(input: { ${UY}, lines: [{ ${LINE}, amount: "1.00" }] }) { streamId }`,
  },
  {
    name: 'recordCarryOver',
    kind: 'officer',
    doc: `recordCarryOver(input: { ${UY}, lines: [{ ${LINE}, amount: "1.00" }] }) { streamId }`,
  },
  {
    name: 'registerProject',
    kind: 'officer',
    doc: `registerProject(input: { ${UY}, code: "P99", name: "x", category: "specific-goal", attribute: "one-off", period: "1年" }) { streamId }`,
  },
  {
    name: 'submitAdjustment',
    kind: 'officer',
    doc: `submitAdjustment(input: { ${UY}, adjustmentType: DECREASE, reason: "x", documentNumber: "x", lines: [{ ${LINE}, delta: "-1.00" }] }) { streamId }`,
  },
  {
    name: 'setPerformanceTargets',
    kind: 'officer',
    doc: `setPerformanceTargets(input: { ${UY}, ${FORM} }) { streamId }`,
  },
  {
    name: 'revisePerformanceTargets',
    kind: 'officer',
    doc: `revisePerformanceTargets(input: { ${UY}, formId: "unit", reason: "x", ${FORM} }) { streamId }`,
  },
  {
    name: 'withdrawPerformanceTargets',
    kind: 'officer',
    doc: `withdrawPerformanceTargets(input: { ${UY}, formId: "unit", reason: "x" }) { streamId }`,
  },
  {
    name: 'recordProcurementBudget',
    kind: 'officer',
    doc: `recordProcurementBudget(input: { ${UY}, goods: "1.00", works: "0", services: "0" }) { streamId }`,
  },
  {
    name: 'recordStateAssets',
    kind: 'officer',
    doc: `recordStateAssets(input: { ${UY}, vehicleEstablishment: 1, vehiclesActual: 1, officeSpaceM2: "1", equipmentOver500k: 0, equipmentOver1m: 0 }) { streamId }`,
  },
  {
    name: 'publishDisclosure',
    kind: 'officer',
    doc: `publishDisclosure(input: { ${UY} }) { streamId }`,
  },
  { name: 'adjustments', kind: 'reader', doc: 'adjustments(unitCode: "019001") { totalCount }' },
];

/** The matrix of docs/api-write.md. */
function allowed(caller: Caller, kind: Kind): boolean {
  switch (caller) {
    case 'ADMIN':
      return true;
    case 'BUDGET_OFFICER':
      return kind === 'officer' || kind === 'reader';
    case 'FINANCE_REVIEWER':
      return kind === 'reviewer' || kind === 'reader';
    case 'AUDITOR':
      return kind === 'reader';
    case 'OTHER_OFFICER': // acts for 020001 only
    case 'PUBLIC':
      return false;
  }
}

const CALLERS: Caller[] = [
  'ADMIN',
  'BUDGET_OFFICER',
  'OTHER_OFFICER',
  'FINANCE_REVIEWER',
  'AUDITOR',
  'PUBLIC',
];
const CASES = CALLERS.flatMap((caller) =>
  OPERATIONS.map((op) => ({
    caller,
    ...op,
    expected: allowed(caller, op.kind)
      ? 'allowed'
      : caller === 'PUBLIC'
        ? 'UNAUTHENTICATED'
        : 'FORBIDDEN',
  })),
);

let s: TestServer;
let eventsBefore: number;
const eventCount = async () =>
  Number((await s.db.appPool.query('SELECT count(*) FROM events')).rows[0].count);
beforeAll(async () => {
  s = await startTestServer();
  eventsBefore = await eventCount();
});
afterAll(() => s.close());

test.each(CASES)('$caller $name: $expected', async ({ caller, name, kind, doc, expected }) => {
  const token = caller === 'PUBLIC' ? null : s.tokens[caller];
  const r = await s.gql(`${kind === 'reader' ? 'query' : 'mutation'} { ${doc} }`, {}, token);
  const code = r.errors?.[0]?.extensions.code;
  if (expected === 'allowed') {
    // Allowed: past authorisation, stopped by the stale version (or, for the query, answered).
    expect(code).toBe(kind === 'reader' ? undefined : 'CONCURRENCY_CONFLICT');
    if (kind === 'reader') expect(r.data?.[name].totalCount).toBeGreaterThan(0);
  } else {
    expect(code).toBe(expected);
  }
});

test('the whole table changed nothing', async () => {
  expect(await eventCount()).toBe(eventsBefore);
});
