import { ReferenceLists } from '../../src/domain';
import { loadDisclosure } from '../../src/app/disclosures';
import { Money } from '../../src/domain';
import { TABLE_IDS } from '../../src/domain/disclosure';
import { LedgerError } from '../../src/domain/errors';
import { resolveCell } from '../../src/graphql/audit/cell-scope';
import { contributingPostings } from '../../src/projections/audit-provenance';
import { startTestServer, type TestServer } from '../support/server';

// The seed (src/seed/fenyang-2024.ts): department 019, published, then two approved adjustments on
// 019001 — a 追加 of 120,000 on project P05 and a 调剂 of 3,000 from 30201 to 30211.
const P05 = '019001|2024|general-public|2010306|project|30227|50205|P05|current';
const OFFICE = '019001|2024|general-public|2010301|public|30201|50201|-|current';
const TRAVEL = '019001|2024|general-public|2010301|public|30211|50201|-|current';

let s: TestServer;
let auditor: string;
beforeAll(async () => {
  s = await startTestServer();
  auditor = s.tokens.AUDITOR;
  // The events query lists the settled log only, and "settled" is cluster-wide (an open
  // transaction in any database of the server holds it back): wait until the seed has settled,
  // so that every query below sees the same log.
  const head = BigInt(
    (await s.db.appPool.query('SELECT max(global_position) AS p FROM events')).rows[0].p,
  );
  for (let i = 0; i < 300 && (await s.store.settledPosition()) < head; i++)
    await new Promise((r) => setTimeout(r, 100));
});
afterAll(() => s.close());

const EVENTS = `query($f: LedgerEventFilter, $first: Int, $after: String, $last: Int, $before: String) {
  events(filter: $f, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { position transactionId streamId version eventId type schemaVersion data recordedAt effectiveDate hash prevHash
                          metadata { actor reason documentRef correlationId causationId json } } } } }`;

describe('events: the log as a Relay connection', () => {
  test('pages forward and backward over the whole log in log order, with totalCount', async () => {
    const all = (await s.gql(EVENTS, { first: 100 }, auditor)).data!.events;
    const total = Number((await s.store.settledPosition()).toString());
    expect(all.totalCount).toBe(total);
    const positions: string[] = [];
    let after: string | null = null;
    for (;;) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const page: any = (await s.gql(EVENTS, { first: 7, after }, auditor)).data!.events;
      positions.push(...page.edges.map((e: { node: { position: string } }) => e.node.position));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(positions).toEqual(
      all.edges.map((e: { node: { position: string } }) => e.node.position),
    );
    expect(new Set(positions).size).toBe(total);
    const tail = (await s.gql(EVENTS, { last: 3 }, auditor)).data!.events;
    expect(tail.edges.map((e: { node: { position: string } }) => e.node.position)).toEqual(
      positions.slice(-3),
    );
    expect(tail.pageInfo.hasPreviousPage).toBe(true);
    const before = (await s.gql(EVENTS, { last: 2, before: tail.pageInfo.startCursor }, auditor))
      .data!.events;
    expect(before.edges.map((e: { node: { position: string } }) => e.node.position)).toEqual(
      positions.slice(-5, -3),
    );
  });

  test('each node carries the stored event: chain, metadata, times', async () => {
    const first = (await s.gql(EVENTS, { first: 2 }, auditor)).data!.events.edges;
    expect(first[0].node).toMatchObject({
      position: '1',
      version: '1',
      schemaVersion: 1,
      prevHash: '0'.repeat(64),
    });
    expect(first[0].node.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first[0].node.metadata.actor).toEqual(expect.any(String));
    expect(first[0].node.metadata.json.actor).toBe(first[0].node.metadata.actor);
    expect(new Date(first[0].node.recordedAt).getTime()).not.toBeNaN();
  });

  test("a line event stored at schema version 3 reads with each line's key in data, and as stored ([lineId, delta] pairs) in storedData", async () => {
    const q = `query { events(filter: { types: ["InitialBudgetAllocated"] }, first: 1) { edges { node { schemaVersion data storedData } } } }`;
    const node = (await s.gql(q, {}, auditor)).data!.events.edges[0].node;
    expect(node.schemaVersion).toBe(3);
    const [data, stored] = [node.data.lines[0], node.storedData.lines[0]];
    expect(stored).toEqual([data.lineId, data.delta]);
    expect(data).toEqual({
      lineId: stored[0],
      delta: stored[1],
      line: expect.objectContaining({
        unitCode: expect.any(String),
        fiscalYear: 2024,
        functionalCode: expect.stringMatching(/^\d{7}$/),
      }),
    });
    expect(data.lineId).toBe(
      [
        data.line.unitCode,
        data.line.fiscalYear,
        data.line.fundSource,
        data.line.functionalCode,
        data.line.kind,
        data.line.deptEconCode,
        data.line.govEconCode,
        data.line.projectCode ?? '-',
        data.line.origin,
      ].join('|'),
    );
  });

  test('filters: types, stream, unit, actor, document number, time range', async () => {
    const q = async (f: Record<string, unknown>) =>
      (await s.gql(EVENTS, { f, first: 100 }, auditor)).data!.events;
    const approved = await q({ types: ['AdjustmentApproved'] });
    expect(approved.totalCount).toBe(2);
    expect(
      approved.edges.map(
        (e: { node: { data: { adjustmentId: string } } }) => e.node.data.adjustmentId,
      ),
    ).toEqual(['ADJ-2024-001', 'ADJ-2024-002']);
    const doc = await q({ documentNumber: '汾财预批（2024）35号' });
    expect(doc.edges.map((e: { node: { type: string } }) => e.node.type)).toEqual([
      'AdjustmentSubmitted',
      'AdjustmentApproved',
    ]);
    const reviewer = approved.edges[0].node.metadata.actor;
    expect((await q({ actor: reviewer, types: ['AdjustmentApproved'] })).totalCount).toBe(2);
    const unit = await q({ unitCode: '019002' });
    expect(unit.totalCount).toBeGreaterThan(0);
    expect(
      unit.edges.every((e: { node: { streamId: string } }) =>
        /^(unit-019002|budget-019002-\d{4})$/.test(e.node.streamId),
      ),
    ).toBe(true);
    const stream = await q({ streamId: 'unit-019001' });
    expect(stream.edges.map((e: { node: { type: string } }) => e.node.type)).toEqual([
      'BudgetUnitRegistered',
    ]);
    const at = approved.edges[1].node.recordedAt;
    const late = await q({ recordedFrom: at });
    expect(late.edges[0].node.position).toBe(approved.edges[1].node.position);
    // recordedAt travels with millisecond precision and the log keeps microseconds, so the event
    // itself is after its printed instant: the two halves split the log without overlap.
    expect((await q({ recordedTo: at })).totalCount + late.totalCount).toBe(
      (await q({})).totalCount,
    );
  });

  test('only AUDITOR and ADMIN; page size is bounded', async () => {
    expect((await s.gql(EVENTS, { first: 1 })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(
      (await s.gql(EVENTS, { first: 1 }, s.tokens.BUDGET_OFFICER)).errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    expect((await s.gql(EVENTS, { first: 1 }, s.tokens.ADMIN)).errors).toBeUndefined();
    expect((await s.gql(EVENTS, { first: 101 }, auditor)).errors?.[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('replay', () => {
  const REPLAY = `query($from: AsOfInput, $to: AsOfInput) { replay(unitCode: "019001", fiscalYear: 2024, from: $from, to: $to) {
    event { position type data } changes { lineId projectCode deptEconCode before after delta } } }`;

  test('after publication: the 追加 and the 调剂 with each line before and after, in log order', async () => {
    const steps = (await s.gql(REPLAY, { from: { published: true } }, auditor)).data!.replay;
    expect(steps.map((x: { event: { type: string } }) => x.event.type)).toEqual([
      'DisclosurePublished',
      'AdjustmentSubmitted',
      'AdjustmentApproved',
      'AdjustmentSubmitted',
      'AdjustmentApproved',
      'PerformanceTargetsRevised',
    ]);
    expect(steps[2].changes).toEqual([
      {
        lineId: P05,
        projectCode: 'P05',
        deptEconCode: '30227',
        before: '3950600.00',
        after: '4070600.00',
        delta: '120000.00',
      },
    ]);
    expect(
      steps[4].changes.map((c: { lineId: string; before: string; after: string }) => [
        c.lineId,
        c.before,
        c.after,
      ]),
    ).toEqual([
      [OFFICE, '22200.00', '19200.00'],
      [TRAVEL, '5000.00', '8000.00'],
    ]);
  });

  test('a position range is (from, to]; the whole history starts every line at zero', async () => {
    const all = (await s.gql(REPLAY, {}, auditor)).data!.replay;
    const p05 = all
      .flatMap((x: { changes: { lineId: string; before: string }[] }) => x.changes)
      .filter((c: { lineId: string }) => c.lineId === P05);
    expect(p05.map((c: { before: string }) => c.before)).toEqual(['0.00', '3950600.00']);
    const approval = all.find(
      (x: { event: { data: { adjustmentId?: string }; type: string } }) =>
        x.event.type === 'AdjustmentApproved',
    )!.event.position;
    const one = (
      await s.gql(
        REPLAY,
        { from: { position: String(BigInt(approval) - 1n) }, to: { position: approval } },
        auditor,
      )
    ).data!.replay;
    expect(one.map((x: { event: { position: string } }) => x.event.position)).toEqual([approval]);
  });
});

const PROVENANCE = `query($t: String!, $r: String!, $c: String!, $asOf: AsOfInput) {
  provenance(departmentCode: "019", fiscalYear: 2024, table: $t, row: $r, column: $c, asOf: $asOf) {
    table rowKey code column position cell sum sumWanYuan matchesCell lines { lineId amount }
    postings { position eventId eventType recordedAt effectiveDate actor documentNumber lineId delta } } }`;

describe('provenance', () => {
  test("t12's P05 total: the allocation plus the 追加, summing to the printed 407.06", async () => {
    const p = (await s.gql(PROVENANCE, { t: 't12', r: 'P05', c: 'total' }, auditor)).data!
      .provenance;
    expect(p).toMatchObject({
      cell: '407.06',
      sum: '4070600.00',
      sumWanYuan: '407.06',
      matchesCell: true,
      lines: [{ lineId: P05, amount: '4070600.00' }],
    });
    expect(
      p.postings.map((x: { eventType: string; delta: string }) => [x.eventType, x.delta]),
    ).toEqual([
      ['InitialBudgetAllocated', '3950600.00'],
      ['AdjustmentApproved', '120000.00'],
    ]);
    expect(p.postings[1]).toMatchObject({
      documentNumber: '汾财预批（2024）35号',
      effectiveDate: '2024-07-01',
      actor: expect.stringMatching(/reviewer/),
    });
    const published = (
      await s.gql(
        PROVENANCE,
        { t: 't12', r: 'P05', c: 'total', asOf: { published: true } },
        auditor,
      )
    ).data!.provenance;
    expect(published).toMatchObject({ cell: '395.06', sum: '3950600.00', matchesCell: true });
  });

  test('t03 2010301 basic: every basic line of the 项, summing to the printed figure (the 调剂 nets out)', async () => {
    const p = (await s.gql(PROVENANCE, { t: 't03', r: '2010301', c: 'basic' }, auditor)).data!
      .provenance;
    expect(p.matchesCell).toBe(true);
    expect(p.cell).toBe(Money.toWanYuan(p.sum));
    expect(p.lines.length).toBeGreaterThan(3);
    expect(
      p.lines.every((l: { lineId: string }) => /\|2010301\|(personnel|public)\|/.test(l.lineId)),
    ).toBe(true);
    expect(
      p.postings
        .filter((x: { eventType: string }) => x.eventType === 'AdjustmentApproved')
        .map((x: { delta: string }) => x.delta),
    ).toEqual(['-3000.00', '3000.00']);
  });

  test('every mappable cell of all 13 tables: the lines sum to the printed figure', async () => {
    const built = await loadDisclosure(
      s.db.appPool,
      { departmentCode: '019', fiscalYear: 2024 },
      ReferenceLists.shipped(),
    );
    let checked = 0;
    for (const id of TABLE_IDS) {
      const t = built.disclosure.tables[id];
      for (const row of t.rows) {
        const ref = row.key ?? row.code;
        if (!ref || (row.key === null && t.rows.filter((r) => r.code === row.code).length > 1))
          continue;
        for (const col of t.columns.filter((c) => c.kind === 'amount')) {
          let cell;
          try {
            cell = resolveCell(built.disclosure, built.facts, built.reference, id, ref, col.key);
          } catch (err) {
            if (err instanceof LedgerError && err.code === 'NOT_FOUND') continue; // 年终结转, unlabelled rows
            throw err;
          }
          const sum = Money.sum(
            (await contributingPostings(s.db.appPool, 2024, cell.scope, built.asOf)).map(
              (p) => p.delta,
            ),
          );
          expect([id, ref, col.key, Money.isZero(sum) ? null : Money.toWanYuan(sum)]).toEqual([
            id,
            ref,
            col.key,
            cell.cell,
          ]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  test('cells that are not made of lines, and unknown rows or columns, are refused clearly', async () => {
    const err = async (t: string, r: string, c: string) =>
      (await s.gql(PROVENANCE, { t, r, c }, auditor)).errors?.[0];
    expect((await err('t01', 'carryover', 'total'))?.extensions.code).toBe('NOT_FOUND');
    expect((await err('t12', 'P99', 'total'))?.extensions.code).toBe('NOT_FOUND');
    expect(await err('t03', '2010301', 'name')).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/total, basic, project/),
    });
    expect((await err('t14', 'total', 'total'))?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('diff', () => {
  test('published → now: exactly the cells the two adjustments touch, and the three lines', async () => {
    const d = (
      await s.gql(
        `{ diff(departmentCode: "019", fiscalYear: 2024, from: { published: true }) {
      fromPosition cells { table rowKey code name column from to } lines { lineId from to delta } } }`,
        {},
        auditor,
      )
    ).data!.diff;
    expect(d.lines).toEqual([
      { lineId: OFFICE, from: '22200.00', to: '19200.00', delta: '-3000.00' },
      { lineId: TRAVEL, from: '5000.00', to: '8000.00', delta: '3000.00' },
      { lineId: P05, from: '3950600.00', to: '4070600.00', delta: '120000.00' },
    ]);
    type C = {
      table: string;
      rowKey: string | null;
      code: string | null;
      column: string;
      from: string;
      to: string;
      name: string;
    };
    const cells: C[] = d.cells;
    // The 调剂 moves 0.30万元 between two 公用经费 items of table 6 and nets out everywhere else.
    expect(cells.filter((c) => c.table === 't06')).toEqual([
      {
        table: 't06',
        rowKey: '30201/50201',
        code: '30201',
        name: '办公费',
        column: 'total',
        from: '2.22',
        to: '1.92',
      },
      {
        table: 't06',
        rowKey: '30201/50201',
        code: '30201',
        name: '办公费',
        column: 'public',
        from: '2.22',
        to: '1.92',
      },
      {
        table: 't06',
        rowKey: '30211/50201',
        code: '30211',
        name: '差旅费',
        column: 'total',
        from: '0.50',
        to: '0.80',
      },
      {
        table: 't06',
        rowKey: '30211/50201',
        code: '30211',
        name: '差旅费',
        column: 'public',
        from: '0.50',
        to: '0.80',
      },
    ]);
    // Everything else is the 追加: +12.00万元 on cells that contain P05's general-public project line.
    const rest = cells.filter((c) => c.table !== 't06');
    expect(
      rest.every(
        (c) => Money.sub(Money.fromWanYuan(c.to), Money.fromWanYuan(c.from)) === '120000.00',
      ),
    ).toBe(true);
    expect([...new Set(rest.map((c) => c.table))]).toEqual([
      't01',
      't02',
      't03',
      't04',
      't05',
      't12',
    ]);
    for (const c of rest)
      expect([
        'revenueAmount',
        'total',
        'currentYear',
        'generalPublicBudget',
        'project',
        'subtotal',
      ]).toContain(c.column);
    expect(
      rest.filter((c) => c.table === 't12').map((c) => [c.rowKey, c.column, c.from, c.to]),
    ).toEqual([
      ['019001', 'total', '1027.12', '1039.12'],
      ['019001', 'generalPublicBudget', '1027.12', '1039.12'],
      ['P05', 'total', '395.06', '407.06'],
      ['P05', 'generalPublicBudget', '395.06', '407.06'],
    ]);
    // Each changed cell's own provenance agrees with its new figure.
    for (const c of rest.filter((x) => x.table === 't03' || x.table === 't05')) {
      const p = (
        await s.gql(PROVENANCE, { t: c.table, r: c.rowKey ?? c.code, c: c.column }, auditor)
      ).data!.provenance;
      expect([c.table, c.code, c.column, p.matchesCell, p.cell]).toEqual([
        c.table,
        c.code,
        c.column,
        true,
        c.to,
      ]);
    }
  });

  test('the same point twice: no change; a point before any allocation: every figure appears', async () => {
    const q = `query($from: AsOfInput!, $to: AsOfInput) { diff(departmentCode: "019", fiscalYear: 2024, from: $from, to: $to) { cells { table } lines { lineId } } }`;
    const same = (await s.gql(q, { from: { published: true }, to: { published: true } }, auditor))
      .data!.diff;
    expect(same).toEqual({ cells: [], lines: [] });
    const fromStart = (await s.gql(q, { from: { position: '1' } }, auditor)).data!.diff;
    expect(fromStart.cells.length).toBeGreaterThan(200);
    expect(
      (await s.gql(q, { from: { position: '1' } }, s.tokens.FINANCE_REVIEWER)).errors?.[0]
        .extensions.code,
    ).toBe('FORBIDDEN');
  });

  describe('a point before the department existed', () => {
    // Department 031 is registered on 2024-03-01 with two lines: before that day it has no unit.
    const LINE = (deptEconCode: string) => ({
      fundSource: 'general-public',
      functionalCode: '2010301',
      kind: 'public',
      deptEconCode,
      govEconCode: '50201',
      origin: 'current',
    });
    const DIFF = `query($d: String!, $from: AsOfInput!, $to: AsOfInput) {
      diff(departmentCode: $d, fiscalYear: 2024, from: $from, to: $to) {
        fromPosition toPosition cells { table rowKey code column from to } lines { lineId from to delta } } }`;
    const BEFORE = { effectiveOn: '2023-12-31' };
    type Cell = { table: string; rowKey: string | null; code: string | null; column: string };
    beforeAll(async () => {
      const admin = async (name: string, input: Record<string, unknown>) => {
        const r = await s.gql(
          `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { streamId } }`,
          { input },
          s.tokens.ADMIN,
        );
        expect(r.errors).toBeUndefined();
      };
      const unit = { unitCode: '031001', fiscalYear: 2024 };
      await admin('registerBudgetUnit', {
        unitCode: '031001',
        name: '汾阳市新设局',
        kind: 'administrative',
        departmentCode: '031',
        registeredAt: '2024-03-01',
      });
      await admin('openFiscalYear', { ...unit, openedAt: '2024-03-01' });
      await admin('allocateInitialBudget', {
        ...unit,
        allocationId: 'initial',
        lines: [
          { line: LINE('30201'), amount: '12000.00' },
          { line: LINE('30211'), amount: '3456.00' },
        ],
      });
    });

    /** Every figure the department's disclosure prints now: table, row, column, value. */
    async function printedNow(): Promise<[string, string | null, string | null, string, string][]> {
      type Row = {
        key: string | null;
        code: string | null;
        cells: { column: string; value: string | null }[];
      };
      const r = await s.gql(
        `{ disclosure(departmentCode: "031", fiscalYear: 2024) { tables { id columns { key kind } rows { key code cells { column value } } } } }`,
        {},
        auditor,
      );
      const tables = r.data!.disclosure.tables as {
        id: string;
        columns: { key: string; kind: string }[];
        rows: Row[];
      }[];
      return tables.flatMap((t) => {
        const amounts = new Set(t.columns.filter((c) => c.kind === 'amount').map((c) => c.key));
        return t.rows.flatMap((row) =>
          row.cells
            .filter((c) => amounts.has(c.column) && c.value !== null)
            .map((c): [string, string | null, string | null, string, string] => [
              t.id.toLowerCase(),
              row.key,
              row.code,
              c.column,
              c.value!,
            ]),
        );
      });
    }
    const where = (c: Cell) => [c.table, c.rowKey, c.code, c.column];

    test('given a department registered in 2024, a diff from 2023-12-31 to now shows every figure and line added', async () => {
      const r = await s.gql(DIFF, { d: '031', from: BEFORE }, auditor);
      expect(r.errors).toBeUndefined();
      const d = r.data!.diff;
      const figures = await printedNow();
      expect(figures.length).toBeGreaterThan(10);
      const cells = d.cells as (Cell & { from: string | null; to: string | null })[];
      expect(cells.map((c) => [...where(c), c.to]).sort()).toEqual([...figures].sort());
      expect(cells.every((c) => c.from === null)).toBe(true);
      expect(cells).toContainEqual(
        expect.objectContaining({
          table: 't03',
          code: '2010301',
          column: 'total',
          from: null,
          to: '1.55',
        }),
      );
      expect(d.lines).toEqual([
        {
          lineId: '031001|2024|general-public|2010301|public|30201|50201|-|current',
          from: '0.00',
          to: '12000.00',
          delta: '12000.00',
        },
        {
          lineId: '031001|2024|general-public|2010301|public|30211|50201|-|current',
          from: '0.00',
          to: '3456.00',
          delta: '3456.00',
        },
      ]);

      // The other way round, every figure goes to nothing.
      const back = (await s.gql(DIFF, { d: '031', from: {}, to: BEFORE }, auditor)).data!.diff;
      expect(back.cells.map((c: Cell) => where(c)).sort()).toEqual(cells.map(where).sort());
      expect(back.cells.every((c: { to: string | null }) => c.to === null)).toBe(true);
      expect(back.lines.map((l: { delta: string }) => l.delta)).toEqual(['-12000.00', '-3456.00']);
      // A position before the department's first event counts the same: before it existed.
      expect(
        (await s.gql(DIFF, { d: '031', from: { position: '0' } }, auditor)).data!.diff,
      ).toEqual({
        ...d,
        fromPosition: '0',
      });
    });

    test('both points before the department existed, or a department that never existed: NOT_FOUND', async () => {
      const code = async (d: string, from: object, to?: object, token = auditor) =>
        (await s.gql(DIFF, { d, from, to }, token)).errors?.map((e) => e.extensions.code);
      expect(await code('031', { effectiveOn: '2023-06-30' }, BEFORE)).toEqual(['NOT_FOUND']);
      expect(await code('888', BEFORE)).toEqual(['NOT_FOUND']);
      expect(await code('888', {}, {})).toEqual(['NOT_FOUND']);
      // Out of reach stays FORBIDDEN, before anything is looked up (docs/access.md).
      const of019 = await s.token({ role: 'AUDITOR', label: '审计019', departmentCodes: ['019'] });
      expect(await code('031', BEFORE, undefined, of019)).toEqual(['FORBIDDEN']);
      expect(await code('888', BEFORE, undefined, of019)).toEqual(['FORBIDDEN']);
      expect(await code('031', BEFORE, undefined, s.tokens.FINANCE_REVIEWER)).toEqual([
        'FORBIDDEN',
      ]);
    });
  });
});
