import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { LedgerService } from '../../src/app/ledger-service';
import type { BudgetLineKey } from '../../src/domain';
import { EventStore } from '../../src/events/event-store';
import { LedgerEventsHub } from '../../src/graphql/events-hub';
import { startHttpServer } from '../../src/graphql/server';
import type { TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

/** P05's line (汾阳市行政审批服务管理局, 政务大厅 project): a 追加 on it breaks no rule. */
const P05: BudgetLineKey = {
  unitCode: '019001',
  fiscalYear: 2024,
  fundSource: 'general-public',
  functionalCode: '2010306',
  kind: 'project',
  deptEconCode: '30227',
  govEconCode: '50205',
  projectCode: 'P05',
  origin: 'current',
};

/**
 * A server process of its own on the test database: closing it and starting another is a restart.
 */
async function serverOn(db: TestDatabase) {
  const store = new EventStore(db.appPool);
  const listenUrl = db.serviceUrl;
  const hub = new LedgerEventsHub(store, listenUrl);
  await hub.start();
  const server = await startHttpServer({
    pool: db.appPool,
    store,
    service: new LedgerService(store),
    hub,
    port: 0,
    host: '127.0.0.1',
  });
  return {
    wsUrl: `ws://127.0.0.1:${server.port}/graphql`,
    async close() {
      await server.close();
      await hub.close();
      await store.close();
    },
  };
}

interface Feed<T> {
  items: T[];
  errors: unknown[];
  waitFor(n: number): Promise<T[]>;
}

function client(wsUrl: string, token: string | null): Client {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}

function feed<T>(
  c: Client,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: Record<string, T>) => T,
): Feed<T> {
  const f: Feed<T> = {
    items: [],
    errors: [],
    async waitFor(n) {
      for (let i = 0; i < 200 && f.items.length < n && f.errors.length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      return f.items;
    },
  };
  c.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (msg) =>
        msg.data ? f.items.push(pick(msg.data)) : f.errors.push(...(msg.errors ?? [])),
      error: (err) => f.errors.push(err),
      complete: () => undefined,
    },
  );
  return f;
}

const LEDGER_EVENTS = `subscription($f: LedgerEventStreamFilter, $after: Position) { ledgerEvents(filter: $f, after: $after) { position type streamId data } }`;
const DISCLOSURE_CHANGED = `subscription($after: Position) { disclosureChanged(departmentCode: "019", fiscalYear: 2024, after: $after) { position eventType changedLines streamId } }`;
type Ev = { position: string; type: string; streamId: string; data: { adjustmentId?: string } };

let s: TestServer;
let service: LedgerService;
beforeAll(async () => {
  s = await startTestServer();
  service = new LedgerService(s.store);
});
afterAll(() => s.close());

/** Submits and approves a 追加 on P05: two events, the approval moves one line. */
async function approveIncrease(amount: string): Promise<string> {
  const adjustmentId = `ADJ-T-${randomUUID().slice(0, 8)}`;
  const data = {
    adjustmentId,
    adjustmentType: 'increase' as const,
    reason: '测试追加',
    documentNumber: `汾财预批（2024）${adjustmentId}`,
    effectiveDate: '2024-10-01',
    submittedBy: 'officer:test',
    submittedAt: '2024-09-20',
    lines: [{ line: P05, delta: amount }],
  };
  await service.execute(
    '019001',
    2024,
    { type: 'SubmitAdjustment', data },
    { actor: 'officer:test' },
  );
  await service.execute(
    '019001',
    2024,
    {
      type: 'ApproveAdjustment',
      data: { adjustmentId, approvedBy: 'reviewer:test', approvedAt: '2024-09-25' },
    },
    { actor: 'reviewer:test' },
  );
  return adjustmentId;
}

test('ledgerEvents and disclosureChanged see an approved adjustment as it commits', async () => {
  const server = await serverOn(s.db);
  const auditor = client(server.wsUrl, s.tokens.AUDITOR);
  const officer = client(server.wsUrl, s.tokens.BUDGET_OFFICER);
  try {
    const events = feed<Ev>(
      auditor,
      LEDGER_EVENTS,
      { f: { types: ['AdjustmentSubmitted', 'AdjustmentApproved'], unitCode: '019001' } },
      (d) => d.ledgerEvents,
    );
    const changes = feed<{ position: string; eventType: string; changedLines: number }>(
      officer,
      DISCLOSURE_CHANGED,
      {},
      (d) => d.disclosureChanged,
    );
    // Both subscriptions are established (their start is "now").
    await new Promise((r) => setTimeout(r, 300));
    const id = await approveIncrease('1000.00');
    const seen = await events.waitFor(2);
    expect(seen.map((e) => [e.type, e.data.adjustmentId])).toEqual([
      ['AdjustmentSubmitted', id],
      ['AdjustmentApproved', id],
    ]);
    // The submission changes no disclosure input; the approval moves one line.
    expect(await changes.waitFor(1)).toEqual([
      expect.objectContaining({
        eventType: 'AdjustmentApproved',
        changedLines: 1,
        position: seen[1].position,
      }),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(changes.items).toHaveLength(1);
  } finally {
    await auditor.dispose();
    await officer.dispose();
    await server.close();
  }
});

test('ledgerEvents needs AUDITOR or ADMIN; disclosureChanged any token', async () => {
  const server = await serverOn(s.db);
  const [officer, anonymous] = [
    client(server.wsUrl, s.tokens.BUDGET_OFFICER),
    client(server.wsUrl, null),
  ];
  try {
    const denied = feed(officer, LEDGER_EVENTS, {}, (d) => d.ledgerEvents);
    const anon = feed(anonymous, DISCLOSURE_CHANGED, {}, (d) => d.disclosureChanged);
    await denied.waitFor(1);
    await anon.waitFor(1);
    // Over WebSocket, errors carry the same closed codes as over HTTP.
    expect(JSON.stringify(denied.errors)).toMatch(/"code":"FORBIDDEN"/);
    expect(JSON.stringify(anon.errors)).toMatch(/"code":"UNAUTHENTICATED"/);
  } finally {
    await officer.dispose();
    await anonymous.dispose();
    await server.close();
  }
});

test('a client resuming after a server restart with its last position gets every later event exactly once', async () => {
  // Start from the settled head of the seed ("settled" is cluster-wide: wait out other databases'
  // open transactions).
  const head = BigInt(
    (await s.db.appPool.query('SELECT max(global_position) AS p FROM events')).rows[0].p,
  );
  for (let i = 0; i < 300 && (await s.store.settledPosition()) < head; i++)
    await new Promise((r) => setTimeout(r, 100));
  const start = head.toString();
  const filter = { unitCode: '019001' };
  let server = await serverOn(s.db);
  let c = client(server.wsUrl, s.tokens.AUDITOR);
  const before = feed<Ev>(c, LEDGER_EVENTS, { f: filter, after: start }, (d) => d.ledgerEvents);
  const first = await approveIncrease('100.00');
  const seen = [...(await before.waitFor(2))];
  await c.dispose();
  await server.close();

  // Down: two more adjustments commit while no server runs.
  const during = [await approveIncrease('200.00'), await approveIncrease('300.00')];

  server = await serverOn(s.db);
  c = client(server.wsUrl, s.tokens.AUDITOR);
  try {
    const resumed = feed<Ev>(
      c,
      LEDGER_EVENTS,
      { f: filter, after: seen.at(-1)!.position },
      (d) => d.ledgerEvents,
    );
    await resumed.waitFor(4);
    const after = await approveIncrease('400.00');
    seen.push(...(await resumed.waitFor(6)));
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed.items).toHaveLength(6);

    const ids = [first, ...during, after];
    expect(seen.map((e) => [e.type, e.data.adjustmentId])).toEqual(
      ids.flatMap((id) => [
        ['AdjustmentSubmitted', id],
        ['AdjustmentApproved', id],
      ]),
    );
    // Exactly the log after `start`, in log order: no gap, no repeat.
    const log = (await s.store.readAllBatch(BigInt(start), 1000)).events.filter(
      (e) => e.streamId === 'budget-019001-2024',
    );
    expect(seen.map((e) => e.position)).toEqual(log.map((e) => e.globalPosition.toString()));
  } finally {
    await c.dispose();
    await server.close();
  }
});

describe('text the database cannot store is refused over WebSocket as over HTTP', () => {
  const BY_UNIT = `subscription($u: String) { adjustmentChanged(unitCode: $u) { position } }`;

  test.each([
    ['a NUL in a variable', BY_UNIT, { u: '0190\u000001' }, 'variables.u'],
    ['a lone high surrogate in a variable', BY_UNIT, { u: '019001\ud800' }, 'variables.u'],
    [
      'a lone low surrogate in a nested variable',
      LEDGER_EVENTS,
      { f: { types: ['\udc00AdjustmentSubmitted'] } },
      'variables.f.types[0]',
    ],
    [
      'a NUL in a literal of the query',
      'subscription { adjustmentChanged(unitCode: "0190\\u000001") { position } }',
      {},
      'unitCode',
    ],
  ])('%s is BAD_USER_INPUT naming the field', async (_name, query, variables, field) => {
    const server = await serverOn(s.db);
    const auditor = client(server.wsUrl, s.tokens.AUDITOR);
    try {
      const refused = feed(auditor, query, variables, (d) => d);
      await refused.waitFor(1);
      expect(refused.items).toEqual([]);
      // graphql-ws hands the error callback the array of errors of the refusal.
      expect(refused.errors.flat()).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            details: expect.objectContaining({ field }),
          }),
        }),
      ]);
    } finally {
      await auditor.dispose();
      await server.close();
    }
  });
});

describe('an operation over a limit is refused over WebSocket as over HTTP', () => {
  const wsUrl = () => `${s.url.replace(/^http/, 'ws')}/graphql`;
  const fragments = (n: number) =>
    `subscription { ledgerEvents { ${'...E '.repeat(n)} } }
     fragment E on LedgerEvent { position type streamId eventId hash prevHash version data }`;

  test.each([
    // The subscriptions' types are flat and fragments do not deepen a query, so no subscription
    // nests 16 levels: a query sent over WebSocket does (introspection nests as deep as asked).
    [
      'a query deeper than 15 levels',
      `{ __schema { types { fields { type { ${'ofType { '.repeat(14)}name${' }'.repeat(14)} } } } } }`,
      /depth limit of 15 exceeded/i,
    ],
    ['a subscription over the cost limit', fragments(200), /cost limit of 5000 exceeded/i],
    [
      'a subscription with 16 aliases',
      `subscription { ledgerEvents { ${Array.from({ length: 16 }, (_, i) => `p${i}: position`).join(' ')} } }`,
      /aliases limit of 15 exceeded/i,
    ],
    [
      'a subscription with 21 directives',
      `subscription { ledgerEvents { ${'position @include(if: true) '.repeat(21)} } }`,
      /directives limit of 20 exceeded/i,
    ],
    [
      'a subscription over 2,000 tokens',
      `subscription { ledgerEvents { ${'position '.repeat(2100)} } }`,
      /2000 tokens/i,
    ],
  ])('%s: the same error, no event', async (_name, query, message) => {
    const auditor = client(wsUrl(), s.tokens.AUDITOR);
    try {
      const refused = feed(auditor, query, {}, (d) => d);
      await refused.waitFor(1);
      // An event committed after the refusal reaches no one.
      await approveIncrease('1.00');
      await new Promise((r) => setTimeout(r, 300));
      expect(refused.items).toEqual([]);
      const errors = refused.errors.flat() as { message: string }[];
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(message);
      expect(JSON.stringify(errors)).not.toMatch(/stack|node_modules|\.js:\d+/);
      // Over HTTP the same document is refused with the same error (code, message, details).
      const overHttp = await s.gql(query, {}, s.tokens.AUDITOR);
      expect(overHttp.status).toBe(400);
      expect(errors).toEqual(overHttp.errors);
    } finally {
      await auditor.dispose();
    }
  });

  test('a subscription at the limits still runs', async () => {
    const auditor = client(wsUrl(), s.tokens.AUDITOR);
    try {
      const query = `subscription { ledgerEvents(filter: { unitCode: "019001" }) {
        ${Array.from({ length: 15 }, (_, i) => `p${i}: position`).join(' ')} type } }`;
      const events = feed<{ p0: string; type: string }>(auditor, query, {}, (d) => d.ledgerEvents);
      await new Promise((r) => setTimeout(r, 300));
      await approveIncrease('2.00');
      const seen = await events.waitFor(2);
      expect(events.errors).toEqual([]);
      expect(seen.map((e) => e.type)).toEqual(['AdjustmentSubmitted', 'AdjustmentApproved']);
    } finally {
      await auditor.dispose();
    }
  });

  test('a message over 1 MB closes the connection as too big', async () => {
    const auditor = client(wsUrl(), s.tokens.AUDITOR);
    try {
      const big = `subscription { ledgerEvents { position } } # ${'x'.repeat(1_100_000)}`;
      const refused = feed(auditor, big, {}, (d) => d);
      await refused.waitFor(1);
      expect(refused.items).toEqual([]);
      // 1009: "message too big", the WebSocket counterpart of HTTP's 413.
      expect(refused.errors).toEqual([expect.objectContaining({ code: 1009 })]);
    } finally {
      await auditor.dispose();
    }
  });
});

test("a department-limited auditor hears of a unit registered in its department after it subscribed, never of another department's", async () => {
  const auditor019 = await s.token({
    role: 'AUDITOR',
    label: 'ws-auditor-019',
    departmentCodes: ['019'],
  });
  const c = client(`${s.url.replace(/^http/, 'ws')}/graphql`, auditor019);
  const register = async (unitCode: string, departmentCode: string) => {
    const r = await s.gql(
      `mutation($u: String!, $d: String!) { registerBudgetUnit(input: { unitCode: $u,
         name: "汾阳市订阅测试单位", kind: "administrative", departmentCode: $d }) { streamId } }`,
      { u: unitCode, d: departmentCode },
      s.tokens.ADMIN,
    );
    expect(r.errors).toBeUndefined();
  };
  try {
    const events = feed<Ev>(
      c,
      LEDGER_EVENTS,
      { f: { types: ['BudgetUnitRegistered'] } },
      (d) => d.ledgerEvents,
    );
    await new Promise((r) => setTimeout(r, 300));
    // Given the subscription has started, when units are registered in and out of department 019,
    await register('020091', '020');
    await register('019091', '019');
    await register('020092', '020');
    await register('019092', '019');
    // then it hears of its department's new units only, in log order.
    const seen = await events.waitFor(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(events.errors).toEqual([]);
    expect(seen.map((e) => e.streamId)).toEqual(['unit-019091', 'unit-019092']);
  } finally {
    await c.dispose();
  }
});
