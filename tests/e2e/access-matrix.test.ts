import fs from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { streamUnitCode } from '../../src/domain';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestServer, type GqlResponse, type TestServer } from '../support/server';

/**
 * docs/access.md, "The matrix", cell by cell over HTTP: the table is read from the document, so
 * the document and what the server does cannot drift apart. Each row is an operation on unit
 * 019001 (department 019, fiscal year 2024); each column a token.
 */
type Outcome = 'yes' | 'none' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';
type Probe = (token: string | null) => Promise<Outcome>;

const UNIT = '019001';

function readMatrix(): { columns: string[]; rows: Map<string, Outcome[]> } {
  const doc = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'access.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## The matrix'));
  const table = section
    .split('\n')
    .filter((l) => l.startsWith('| '))
    .map((l) =>
      l
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.trim()),
    );
  const [header, , ...body] = table;
  const columns = header!.slice(1);
  const rows = new Map(body.map((r) => [r[0]!, r.slice(1) as Outcome[]]));
  return { columns, rows };
}

let s: TestServer;
const tokens = new Map<string, string | null>();
let head = '';

beforeAll(async () => {
  s = await startTestServer();
  // A second department with a unit, so that its tokens reach something.
  const registered = await s.gql(
    `mutation { registerBudgetUnit(input: { unitCode: "020001", name: "汾阳市测试局",
       kind: "administrative", departmentCode: "020" }) { streamId } }`,
    {},
    s.tokens.ADMIN,
  );
  expect(registered.errors).toBeUndefined();
  const officer = (label: string, unitCodes: string[]) =>
    s.token({ role: 'BUDGET_OFFICER', label, unitCodes });
  const limited = (role: 'FINANCE_REVIEWER' | 'AUDITOR', label: string, dept?: string) =>
    s.token({ role, label, departmentCodes: dept ? [dept] : [] });
  const made: [string, string | null][] = [
    ['PUBLIC', null],
    ['officer 019001+019002', await officer('m-officer-a', ['019001', '019002'])],
    ['officer 019002', await officer('m-officer-b', ['019002'])],
    ['officer 020001', await officer('m-officer-c', ['020001'])],
    ['reviewer', await limited('FINANCE_REVIEWER', 'm-reviewer')],
    ['reviewer 019', await limited('FINANCE_REVIEWER', 'm-reviewer-019', '019')],
    ['reviewer 020', await limited('FINANCE_REVIEWER', 'm-reviewer-020', '020')],
    ['auditor', await limited('AUDITOR', 'm-auditor')],
    ['auditor 019', await limited('AUDITOR', 'm-auditor-019', '019')],
    ['auditor 020', await limited('AUDITOR', 'm-auditor-020', '020')],
    ['ADMIN', s.tokens.ADMIN],
  ];
  for (const [name, token] of made) tokens.set(name, token);
  head = (await s.gql('{ ledgerStatus { settledPosition } }')).data!.ledgerStatus.settledPosition;
}, 120_000);
afterAll(() => s?.close());

const CODES: readonly Outcome[] = ['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'];

/** A query: its refusal code, or whether the answer holds anything of 019001. */
function query(
  text: string,
  holdsUnit: (data: Record<string, any>) => boolean, // eslint-disable-line @typescript-eslint/no-explicit-any
  variables: () => Record<string, unknown> = () => ({}),
): Probe {
  return async (token) => {
    const r = await s.gql(text, variables(), token);
    return outcomeOf(r, () => (holdsUnit(r.data!) ? 'yes' : 'none'));
  };
}

function outcomeOf(r: GqlResponse<unknown>, answered: () => Outcome): Outcome {
  const code = r.errors?.[0]?.extensions.code as Outcome | undefined;
  if (code && CODES.includes(code)) return code;
  return answered();
}

/** A mutation or a dry run: let through to the budget rules (`yes`), or refused before them. */
function attempt(text: string, variables: Record<string, unknown>): Probe {
  return async (token) => outcomeOf(await s.gql(text, variables, token), () => 'yes');
}

/** A download: 200 is `yes`; the token is sent, and must change nothing. */
function download(file: () => string): Probe {
  return async (token) => {
    const res = await fetch(`${s.url}${file()}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    await res.arrayBuffer();
    if (res.status === 200) return 'yes';
    if (res.status === 404) return 'NOT_FOUND';
    return res.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  };
}

/**
 * A subscription from the start of the log (`after: 0`), collected until it has been quiet for a
 * while: the whole history is replayed, so 019001's events arrive if the token may hear them.
 */
function subscription(
  text: string,
  unitOf: (item: Record<string, unknown>) => string | null,
): Probe {
  return (token) =>
    new Promise<Outcome>((resolve) => {
      const client = createClient({
        url: s.url.replace(/^http/, 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      });
      let quiet: NodeJS.Timeout;
      const done = (o: Outcome) => {
        clearTimeout(quiet);
        void client.dispose();
        resolve(o);
      };
      const wait = () => {
        clearTimeout(quiet);
        quiet = setTimeout(() => done('none'), 1_500);
      };
      wait();
      client.subscribe<Record<string, Record<string, unknown>>>(
        { query: text },
        {
          next: (msg) => {
            const code = msg.errors?.[0]?.extensions?.code as Outcome | undefined;
            if (code) return done(code);
            const item = Object.values(msg.data ?? {})[0] ?? {};
            if (unitOf(item) === UNIT) return done('yes');
            wait();
          },
          error: (err) => {
            const e = Array.isArray(err) ? err[0] : err;
            const code = (e as { extensions?: { code?: string } })?.extensions?.code;
            done((code ?? String(err)) as Outcome);
          },
          complete: () => done('none'),
        },
      );
    });
}

type Item = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const anyOf = (items: Item[], unitOf: (i: Item) => string | null) =>
  items.some((i) => unitOf(i) === UNIT);
const nodes = (connection: { edges: { node: Item }[] }) => connection.edges.map((e) => e.node);
const OFFICE = '019001|2024|general-public|2010301|public|30201|50201|-|current';
const TRAVEL = '019001|2024|general-public|2010301|public|30211|50201|-|current';

const PROBES: Record<string, Probe> = {
  '`disclosure` as published': query(
    `{ disclosure(departmentCode: "019", fiscalYear: 2024, asOf: { published: true }) { department { code } } }`,
    (d) => d.disclosure.department.code === '019',
  ),
  'download of the published disclosure': download(() => '/disclosures/019/2024/disclosure.json'),
  'download at a position not published': download(
    () => `/disclosures/019/2024@${head}/disclosure.json`,
  ),
  '`units`': query('{ units { code } }', (d) => anyOf(d.units, (u) => u.code)),
  '`disclosure` now': query(
    `query($p: Position) { disclosure(departmentCode: "019", fiscalYear: 2024, asOf: { position: $p }) { department { code } } }`,
    (d) => d.disclosure.department.code === '019',
    () => ({ p: head }),
  ),
  '`budgetLines` naming the unit': query(
    '{ budgetLines(filter: { fiscalYear: 2024, unitCodes: ["019001"] }, first: 5) { edges { node { unitCode } } } }',
    (d) => anyOf(nodes(d.budgetLines), (l) => l.unitCode),
  ),
  '`budgetLines` of the year': query(
    '{ budgetLines(filter: { fiscalYear: 2024 }, first: 50) { edges { node { unitCode } } } }',
    (d) => anyOf(nodes(d.budgetLines), (l) => l.unitCode),
  ),
  '`aggregate` by unit': query(
    '{ aggregate(fiscalYear: 2024, drilldown: [UNIT]) { cells { dimensions { code } } } }',
    (d) => anyOf(d.aggregate.cells, (c) => c.dimensions[0].code),
  ),
  '`projects` naming the unit': query(
    '{ projects(fiscalYear: 2024, unitCode: "019001") { unitCode } }',
    (d) => anyOf(d.projects, (p) => p.unitCode),
  ),
  '`projects` of the year': query('{ projects(fiscalYear: 2024) { unitCode } }', (d) =>
    anyOf(d.projects, (p) => p.unitCode),
  ),
  '`unitYearVersion` of the unit': query(
    '{ unitYearVersion(unitCode: "019001", fiscalYear: 2024) }',
    (d) => BigInt(d.unitYearVersion) > 0n,
  ),
  '`adjustments` naming the unit': query(
    '{ adjustments(unitCode: "019001") { edges { node { unitCode } } } }',
    (d) => anyOf(nodes(d.adjustments), (a) => a.unitCode),
  ),
  '`adjustments` of all units': query(
    '{ adjustments(first: 100) { edges { node { unitCode } } } }',
    (d) => anyOf(nodes(d.adjustments), (a) => a.unitCode),
  ),
  '`previewAdjustment`': attempt(
    'query($i: SubmitAdjustmentInput!) { previewAdjustment(input: $i) { ok } }',
    {
      i: {
        unitCode: UNIT,
        fiscalYear: 2024,
        adjustmentType: 'TRANSFER',
        reason: '差旅费不足',
        documentNumber: '汾财预调（2024）9号',
        lines: [
          { line: { lineId: OFFICE }, delta: '-1.00' },
          { line: { lineId: TRAVEL }, delta: '1.00' },
        ],
      },
    },
  ),
  '`previewApproval`': attempt(
    '{ previewApproval(unitCode: "019001", fiscalYear: 2024, adjustmentId: "ADJ-2024-001") { ok } }',
    {},
  ),
  // Already approved: a token let through meets the budget rules' refusal, and nothing changes.
  '`approveAdjustment`': attempt(
    'mutation { approveAdjustment(input: { unitCode: "019001", fiscalYear: 2024, adjustmentId: "ADJ-2024-001" }) { nextExpectedVersion } }',
    {},
  ),
  '`events` naming the unit': query(
    '{ events(filter: { unitCode: "019001" }, first: 5) { edges { node { streamId } } } }',
    (d) => anyOf(nodes(d.events), (e) => streamUnitCode(e.streamId)),
  ),
  '`events` of the whole log': query(
    '{ events(first: 100) { edges { node { streamId } } } }',
    (d) => anyOf(nodes(d.events), (e) => streamUnitCode(e.streamId)),
  ),
  '`replay`': query(
    '{ replay(unitCode: "019001", fiscalYear: 2024) { event { streamId } } }',
    (d) =>
      anyOf(
        d.replay.map((r: Item) => r.event),
        (e) => streamUnitCode(e.streamId),
      ),
  ),
  '`provenance`': query(
    '{ provenance(departmentCode: "019", fiscalYear: 2024, table: "t12", row: "P05", column: "total") { cell } }',
    (d) => d.provenance.cell !== null,
  ),
  '`diff`': query(
    '{ diff(departmentCode: "019", fiscalYear: 2024, from: { published: true }) { fromPosition } }',
    (d) => d.diff.fromPosition !== null,
  ),
  '`verifyLedger`': query('{ verifyLedger { ok } }', (d) => d.verifyLedger.ok === true),
  '`ledgerDigest`': query('{ ledgerDigest { digest } }', (d) => d.ledgerDigest.digest !== ''),
  'subscription `ledgerEvents`': subscription(
    'subscription { ledgerEvents(after: "0") { streamId } }',
    (e) => streamUnitCode(String(e.streamId)),
  ),
  'subscription `adjustmentChanged`': subscription(
    'subscription { adjustmentChanged(after: "0") { unitCode } }',
    (a) => String(a.unitCode),
  ),
  'subscription `disclosureChanged`': subscription(
    'subscription { disclosureChanged(departmentCode: "019", fiscalYear: 2024, after: "0") { streamId } }',
    (c) => streamUnitCode(String(c.streamId)),
  ),
};

const matrix = readMatrix();

test('every row of the matrix has a probe, and every probe a row', () => {
  expect([...matrix.rows.keys()].sort()).toEqual(Object.keys(PROBES).sort());
  for (const cells of matrix.rows.values()) expect(cells).toHaveLength(matrix.columns.length);
});

describe.each([...matrix.rows])('%s', (operation, cells) => {
  test.each(matrix.columns.map((c, i) => [c, cells[i]!]))(
    'as %s: %s',
    async (column, expected) => {
      const probe = PROBES[operation];
      expect(probe).toBeDefined();
      expect(tokens.has(column)).toBe(true);
      expect(await probe!(tokens.get(column)!)).toBe(expected);
    },
    30_000,
  );
});

describe('separation of duties by person, over HTTP', () => {
  const SUBMIT = `mutation($i: SubmitAdjustmentInput!) { submitAdjustment(input: $i) { adjustmentId } }`;
  const REVIEW = (verb: 'approve' | 'reject') =>
    `mutation($id: String!) { ${verb}Adjustment(input: { unitCode: "019001", fiscalYear: 2024,
       adjustmentId: $id${verb === 'reject' ? ', reason: "依据不足"' : ''} }) { nextExpectedVersion } }`;
  const transfer = (adjustmentId: string) => ({
    unitCode: UNIT,
    fiscalYear: 2024,
    adjustmentId,
    adjustmentType: 'TRANSFER',
    reason: '差旅费不足，从办公费调剂',
    documentNumber: `汾财预调（2024）${adjustmentId}`,
    lines: [
      { line: { lineId: OFFICE }, delta: '-10.00' },
      { line: { lineId: TRAVEL }, delta: '10.00' },
    ],
  });

  test('one person with an officer token and a reviewer token cannot approve or reject their own adjustment; another person can, and the events name the person', async () => {
    const asOfficer = await s.token({
      role: 'BUDGET_OFFICER',
      unitCodes: [UNIT],
      label: '王会计-单位',
      person: 'wang.fang',
    });
    const asReviewer = await s.token({
      role: 'FINANCE_REVIEWER',
      label: '王会计-借调财政局',
      person: 'wang.fang',
    });
    const other = await s.token({ role: 'FINANCE_REVIEWER', label: '李科长', person: 'li.ke' });
    const sub = await s.gql(SUBMIT, { i: transfer('SOD-1') }, asOfficer);
    expect(sub.errors).toBeUndefined();

    const preview = await s.gql(
      `{ previewApproval(unitCode: "019001", fiscalYear: 2024, adjustmentId: "SOD-1") { ok problems { ruleId } } }`,
      {},
      asReviewer,
    );
    expect(preview.data?.previewApproval).toEqual({
      ok: false,
      problems: [{ ruleId: 'policy.reviewer-is-not-submitter' }],
    });
    for (const verb of ['approve', 'reject'] as const) {
      const own = await s.gql(REVIEW(verb), { id: 'SOD-1' }, asReviewer);
      expect(own.errors?.[0]?.extensions).toMatchObject({
        code: 'POLICY_VIOLATION',
        details: { ruleId: 'policy.reviewer-is-not-submitter', adjustmentId: 'SOD-1' },
      });
    }
    const approved = await s.gql(REVIEW('approve'), { id: 'SOD-1' }, other);
    expect(approved.errors).toBeUndefined();

    // The log lists settled events only; another transaction of the server may hold them back.
    const logged = async (): Promise<Item[]> => {
      for (let i = 0; ; i++) {
        const r = await s.gql(
          `{ events(filter: { documentNumber: "汾财预调（2024）SOD-1" }) {
             edges { node { type data metadata { actor json } } } } }`,
          {},
          tokens.get('auditor'),
        );
        const found = nodes(r.data!.events);
        if (found.length === 2 || i === 100) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const [submitted, approval] = await logged();
    expect(submitted).toMatchObject({
      type: 'AdjustmentSubmitted',
      data: { submittedBy: 'wang.fang' },
      metadata: { actor: 'budget_officer:王会计-单位', json: { person: 'wang.fang' } },
    });
    expect(approval).toMatchObject({
      type: 'AdjustmentApproved',
      data: { approvedBy: 'li.ke' },
      metadata: { actor: 'finance_reviewer:李科长', json: { person: 'li.ke' } },
    });
  });
});
