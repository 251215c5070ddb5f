import { lineBalances } from '../../src/projections/budget-lines';
import { ledgerDigest } from '../../src/events/integrity';
import { startTestServer, type TestServer } from '../support/server';

const SUBMIT = `mutation($input: SubmitAdjustmentInput!) {
  submitAdjustment(input: $input) { adjustmentId streamId nextExpectedVersion replayed events { id type globalPosition streamVersion } }
}`;
const APPROVE = `mutation($input: ApproveAdjustmentInput!) { approveAdjustment(input: $input) { nextExpectedVersion events { type globalPosition } } }`;
const REJECT = `mutation($input: RejectAdjustmentInput!) { rejectAdjustment(input: $input) { nextExpectedVersion events { type } } }`;
const ADJUSTMENTS = `query($status: AdjustmentStatus, $unitCode: String, $first: Int, $after: String) {
  adjustments(status: $status, unitCode: $unitCode, fiscalYear: 2024, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { adjustmentId unitCode status adjustmentType documentNumber lines { lineId delta }
      history { action actor by at documentNumber reason globalPosition recordedAt lines { lineId delta } } } }
  }
}`;

let s: TestServer;
let office: string; // 019001 办公费 30201 (public)
let travel: string; // 019001 差旅费 30211 (public)
let vehicles: string; // 019001 公务用车运行维护费 30231: a 三公 line
beforeAll(async () => {
  s = await startTestServer();
  const lines = await balances();
  const find = (econ: string) =>
    [...lines.values()].find((l) => l.line.deptEconCode === econ && l.line.kind === 'public')!
      .lineId;
  [office, travel, vehicles] = [find('30201'), find('30211'), find('30231')];
});
afterAll(() => s.close());

async function balances() {
  return new Map((await lineBalances(s.db.appPool, ['019001'], 2024)).map((l) => [l.lineId, l]));
}
const eventCount = async () =>
  Number((await s.db.appPool.query('SELECT count(*) FROM events')).rows[0].count);
const version = async () => String(await s.store.streamVersion('budget-019001-2024'));

let seq = 0;
function transfer(extra: Record<string, unknown> = {}, amount = '100.00') {
  seq++;
  return {
    unitCode: '019001',
    fiscalYear: 2024,
    adjustmentType: 'TRANSFER',
    reason: '差旅费不足，从办公费调剂',
    documentNumber: `汾财预调（2024）${100 + seq}号`,
    effectiveDate: '2024-10-01',
    lines: [
      { line: { lineId: office }, delta: `-${amount}` },
      { line: { lineId: travel }, delta: amount },
    ],
    ...extra,
  };
}
const code = (r: { errors?: { extensions: { code: string } }[] }) => r.errors?.[0]?.extensions.code;

describe('adjustments through GraphQL', () => {
  test('an officer submits, a reviewer approves, the budget moves, and the history says who did what', async () => {
    const before = await balances();
    const sub = await s.gql(
      SUBMIT,
      { input: transfer({ adjustmentId: 'E2E-1' }, '250.00') },
      s.tokens.BUDGET_OFFICER,
    );
    expect(sub.errors).toBeUndefined();
    expect(sub.data?.submitAdjustment).toMatchObject({
      adjustmentId: 'E2E-1',
      streamId: 'budget-019001-2024',
      replayed: false,
      events: [{ type: 'AdjustmentSubmitted' }],
    });
    // Submitting moves nothing.
    expect((await balances()).get(office)!.amount).toBe(before.get(office)!.amount);

    const ok = await s.gql(
      APPROVE,
      {
        input: {
          unitCode: '019001',
          fiscalYear: 2024,
          adjustmentId: 'E2E-1',
          approvedAt: '2024-09-30',
        },
      },
      s.tokens.FINANCE_REVIEWER,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.approveAdjustment.events[0].type).toBe('AdjustmentApproved');
    const after = await balances();
    expect(Number(after.get(office)!.amount)).toBeCloseTo(
      Number(before.get(office)!.amount) - 250,
      2,
    );
    expect(Number(after.get(travel)!.amount)).toBeCloseTo(
      Number(before.get(travel)!.amount) + 250,
      2,
    );

    const list = await s.gql(
      ADJUSTMENTS,
      { status: 'APPROVED', unitCode: '019001' },
      s.tokens.AUDITOR,
    );
    expect(list.errors).toBeUndefined();
    const node = list
      .data!.adjustments.edges.map((e: { node: { adjustmentId: string } }) => e.node)
      .find((n: { adjustmentId: string }) => n.adjustmentId === 'E2E-1');
    expect(node).toMatchObject({
      status: 'APPROVED',
      adjustmentType: 'TRANSFER',
      unitCode: '019001',
    });
    expect(node.history.map((h: { action: string }) => h.action)).toEqual([
      'SUBMITTED',
      'APPROVED',
    ]);
    expect(node.history[0]).toMatchObject({
      actor: 'budget_officer:test-officer',
      by: 'test-officer', // the person; the actor names the token
      reason: '差旅费不足，从办公费调剂',
    });
    expect(node.history[1]).toMatchObject({
      actor: 'finance_reviewer:test-reviewer',
      at: '2024-09-30',
      lines: [
        { lineId: office, delta: '-250.00' },
        { lineId: travel, delta: '250.00' },
      ],
    });
  });

  test('a rejection is kept with its reason; the budget does not move', async () => {
    const before = await balances();
    await s.gql(SUBMIT, { input: transfer({ adjustmentId: 'E2E-REJ' }) }, s.tokens.BUDGET_OFFICER);
    const r = await s.gql(
      REJECT,
      {
        input: {
          unitCode: '019001',
          fiscalYear: 2024,
          adjustmentId: 'E2E-REJ',
          reason: '依据不足',
        },
      },
      s.tokens.FINANCE_REVIEWER,
    );
    expect(r.errors).toBeUndefined();
    expect(await balances()).toEqual(before);
    const list = await s.gql(ADJUSTMENTS, { status: 'REJECTED' }, s.tokens.FINANCE_REVIEWER);
    const node = list.data!.adjustments.edges[0].node;
    expect(node).toMatchObject({ adjustmentId: 'E2E-REJ', status: 'REJECTED' });
    expect(node.history[1]).toMatchObject({ action: 'REJECTED', reason: '依据不足', lines: [] });
  });

  test('roles: a reviewer cannot submit, an officer cannot approve, an officer of another unit is FORBIDDEN', async () => {
    expect(code(await s.gql(SUBMIT, { input: transfer() }, s.tokens.FINANCE_REVIEWER))).toBe(
      'FORBIDDEN',
    );
    expect(code(await s.gql(SUBMIT, { input: transfer() }, s.tokens.OTHER_OFFICER))).toBe(
      'FORBIDDEN',
    );
    expect(code(await s.gql(SUBMIT, { input: transfer() }, null))).toBe('UNAUTHENTICATED');
    await s.gql(
      SUBMIT,
      { input: transfer({ adjustmentId: 'E2E-PENDING' }) },
      s.tokens.BUDGET_OFFICER,
    );
    expect(
      code(
        await s.gql(
          APPROVE,
          { input: { unitCode: '019001', fiscalYear: 2024, adjustmentId: 'E2E-PENDING' } },
          s.tokens.BUDGET_OFFICER,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  test('whoever submitted may not review it (segregation of duties), even an ADMIN', async () => {
    const sub = await s.gql(
      SUBMIT,
      { input: transfer({ adjustmentId: 'E2E-ADMIN' }) },
      s.tokens.ADMIN,
    );
    expect(sub.errors).toBeUndefined();
    const r = await s.gql(
      APPROVE,
      { input: { unitCode: '019001', fiscalYear: 2024, adjustmentId: 'E2E-ADMIN' } },
      s.tokens.ADMIN,
    );
    expect(code(r)).toBe('POLICY_VIOLATION');
    expect(r.errors![0].extensions.details?.ruleId).toBe('policy.reviewer-is-not-submitter');
  });

  test('a stale expectedVersion is CONCURRENCY_CONFLICT with the actual version, and changes nothing', async () => {
    const current = await version();
    const n = await eventCount();
    const r = await s.gql(
      SUBMIT,
      { input: transfer({ expectedVersion: String(BigInt(current) - 1n) }) },
      s.tokens.BUDGET_OFFICER,
    );
    expect(code(r)).toBe('CONCURRENCY_CONFLICT');
    expect(r.errors![0].extensions.details?.actualVersion).toBe(current);
    expect(await eventCount()).toBe(n);
    const ok = await s.gql(
      SUBMIT,
      { input: transfer({ expectedVersion: current }) },
      s.tokens.BUDGET_OFFICER,
    );
    expect(ok.data?.submitAdjustment.nextExpectedVersion).toBe(String(BigInt(current) + 1n));
  });

  test('an officer reads the unit-year version over GraphQL and submits conditionally on it', async () => {
    const read = await s.gql<{ unitYearVersion: string }>(
      '{ unitYearVersion(unitCode: "019001", fiscalYear: 2024) }',
      {},
      s.tokens.BUDGET_OFFICER,
    );
    expect(read.data?.unitYearVersion).toBe(await version());
    const ok = await s.gql(
      SUBMIT,
      { input: transfer({ expectedVersion: read.data!.unitYearVersion }) },
      s.tokens.BUDGET_OFFICER,
    );
    expect(ok.errors).toBeUndefined();
    const stale = await s.gql(
      SUBMIT,
      { input: transfer({ expectedVersion: read.data!.unitYearVersion }) },
      s.tokens.BUDGET_OFFICER,
    );
    expect(code(stale)).toBe('CONCURRENCY_CONFLICT');
  });

  test('20 concurrent submissions with the same expectedVersion: exactly one succeeds', async () => {
    const current = await version();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        s.gql(SUBMIT, { input: transfer({ expectedVersion: current }) }, s.tokens.BUDGET_OFFICER),
      ),
    );
    expect(results.filter((r) => !r.errors && r.data?.submitAdjustment)).toHaveLength(1);
    expect(results.filter((r) => code(r) === 'CONCURRENCY_CONFLICT')).toHaveLength(19);
    expect(await version()).toBe(String(BigInt(current) + 1n));
  });

  test('an idempotent retry (Idempotency-Key header) returns the first result; another input under the key is IDEMPOTENCY_MISMATCH', async () => {
    // No id, no dates: the server fills them, and must fill them the same way on a retry.
    const input = transfer();
    delete (input as Record<string, unknown>).effectiveDate;
    const headers = { 'idempotency-key': 'e2e-retry-1' };
    const first = await s.gql(SUBMIT, { input }, s.tokens.BUDGET_OFFICER, headers);
    expect(first.errors).toBeUndefined();
    const n = await eventCount();
    const again = await s.gql(SUBMIT, { input }, s.tokens.BUDGET_OFFICER, headers);
    expect(again.errors).toBeUndefined();
    expect(again.data?.submitAdjustment).toEqual({
      ...first.data?.submitAdjustment,
      replayed: true,
    });
    expect(await eventCount()).toBe(n);
    const other = await s.gql(
      SUBMIT,
      { input: { ...input, reason: '另一个原因' } },
      s.tokens.BUDGET_OFFICER,
      headers,
    );
    expect(code(other)).toBe('IDEMPOTENCY_MISMATCH');
    const viaInput = await s.gql(
      SUBMIT,
      { input: { ...input, idempotencyKey: 'e2e-retry-1' } },
      s.tokens.BUDGET_OFFICER,
    );
    expect(viaInput.data?.submitAdjustment.replayed).toBe(true);
  });

  test('a 三公 increase is POLICY_VIOLATION naming the rule', async () => {
    const input = {
      unitCode: '019001',
      fiscalYear: 2024,
      adjustmentType: 'INCREASE',
      reason: '增加公务用车运行维护费',
      documentNumber: '汾财预批（2024）99号',
      lines: [{ line: { lineId: vehicles }, delta: '1000.00' }],
    };
    const r = await s.gql(SUBMIT, { input }, s.tokens.BUDGET_OFFICER);
    expect(code(r)).toBe('POLICY_VIOLATION');
    expect(r.errors![0].extensions.details?.ruleId).toBe('policy.sangong-decrease-only');
  });

  test('bad input is BAD_USER_INPUT: more than 2 decimals, unknown codes', async () => {
    expect(
      code(await s.gql(SUBMIT, { input: transfer({}, '1.234') }, s.tokens.BUDGET_OFFICER)),
    ).toBe('BAD_USER_INPUT');
    const unknown = transfer({
      lines: [
        {
          line: {
            fundSource: 'general-public',
            functionalCode: '9999999',
            kind: 'public',
            deptEconCode: '30201',
            govEconCode: '50201',
          },
          delta: '1.00',
        },
      ],
      adjustmentType: 'INCREASE',
    });
    const r = await s.gql(SUBMIT, { input: unknown }, s.tokens.BUDGET_OFFICER);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions.details?.ruleId).toBeDefined();
  });

  test('adjustments: officers see their own units only, paging is bounded, PUBLIC needs a token', async () => {
    const other = await s.gql(ADJUSTMENTS, {}, s.tokens.OTHER_OFFICER);
    expect(other.data?.adjustments.totalCount).toBe(0);
    expect(code(await s.gql(ADJUSTMENTS, { unitCode: '019001' }, s.tokens.OTHER_OFFICER))).toBe(
      'FORBIDDEN',
    );
    expect(code(await s.gql(ADJUSTMENTS, {}, null))).toBe('UNAUTHENTICATED');
    const all = await s.gql(ADJUSTMENTS, {}, s.tokens.BUDGET_OFFICER);
    const total = all.data!.adjustments.totalCount;
    expect(total).toBeGreaterThanOrEqual(4); // the seed's two and this file's
    const p1 = await s.gql(ADJUSTMENTS, { first: 1 }, s.tokens.BUDGET_OFFICER);
    expect(p1.data?.adjustments.edges[0].node.adjustmentId).toBe('ADJ-2024-001');
    expect(p1.data?.adjustments.pageInfo.hasNextPage).toBe(true);
    const p2 = await s.gql(
      ADJUSTMENTS,
      { first: 1, after: p1.data?.adjustments.pageInfo.endCursor },
      s.tokens.BUDGET_OFFICER,
    );
    expect(p2.data?.adjustments.edges[0].node.adjustmentId).toBe('ADJ-2024-002');
    expect(p2.data?.adjustments.totalCount).toBe(total);
    expect(code(await s.gql(ADJUSTMENTS, { first: 1000 }, s.tokens.AUDITOR))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('other mutations', () => {
  test('publishDisclosure records the settled position and its digest; a retry publishes the same', async () => {
    const q = `mutation($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { disclosureId ledgerPosition digest replayed events { globalPosition } } }`;
    const input = {
      unitCode: '019001',
      fiscalYear: 2024,
      title: '调整后公开',
      idempotencyKey: 'e2e-publish',
    };
    const r = await s.gql(q, { input }, s.tokens.BUDGET_OFFICER);
    expect(r.errors).toBeUndefined();
    const p = r.data!.publishDisclosure;
    expect((await ledgerDigest(s.db.appPool, BigInt(p.ledgerPosition))).digest).toBe(p.digest);
    expect(BigInt(p.events[0].globalPosition)).toBeGreaterThan(BigInt(p.ledgerPosition));
    const again = await s.gql(q, { input }, s.tokens.BUDGET_OFFICER);
    expect(again.data?.publishDisclosure).toEqual({ ...p, replayed: true });
  });

  test('publishing an unopened year is NOT_FOUND', async () => {
    // (The wait for the settled log is not exercised here: holding a transaction open would hold
    // back pg_snapshot_xmin for every test database on the server, and other files' seeds with it.)
    const q = `mutation($input: PublishDisclosureInput!) { publishDisclosure(input: $input) { ledgerPosition } }`;
    expect(
      code(
        await s.gql(
          q,
          { input: { unitCode: '019001', fiscalYear: 2031 } },
          s.tokens.BUDGET_OFFICER,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  test('an ADMIN registers a unit, a reviewer opens its year, an officer cannot act for it', async () => {
    const reg = await s.gql(
      `mutation { registerBudgetUnit(input: { unitCode: "019003", name: "测试中心", kind: "institution", parentUnitCode: "019001", departmentCode: "019", staffingAuthorized: 3 }) { streamId events { type } } }`,
      {},
      s.tokens.ADMIN,
    );
    expect(reg.errors).toBeUndefined();
    expect(reg.data?.registerBudgetUnit).toEqual({
      streamId: 'unit-019003',
      events: [{ type: 'BudgetUnitRegistered' }],
    });
    const open = await s.gql(
      `mutation { openFiscalYear(input: { unitCode: "019003", fiscalYear: 2024 }) { streamId nextExpectedVersion } }`,
      {},
      s.tokens.FINANCE_REVIEWER,
    );
    expect(open.data?.openFiscalYear).toEqual({
      streamId: 'budget-019003-2024',
      nextExpectedVersion: '1',
    });
    const proc = await s.gql(
      `mutation { recordProcurementBudget(input: { unitCode: "019003", fiscalYear: 2024, goods: "1.00", works: "0", services: "0" }) { streamId } }`,
      {},
      s.tokens.BUDGET_OFFICER,
    );
    expect(code(proc)).toBe('FORBIDDEN');
    const admin = await s.gql(
      `mutation { recordProcurementBudget(input: { unitCode: "019003", fiscalYear: 2024, goods: "1.00", works: "0", services: "0" }) { nextExpectedVersion } }`,
      {},
      s.tokens.ADMIN,
    );
    expect(admin.data?.recordProcurementBudget.nextExpectedVersion).toBe('2');
  });
});
