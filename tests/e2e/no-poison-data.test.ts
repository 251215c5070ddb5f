/**
 * No poison data: whatever the API accepts, every read keeps working on it. Random histories are
 * written through the mutations as ADMIN — with the extreme amounts and dates the ledger still
 * accepts (Money.MAX_YUAN, 1900-01-01, 2999-12-31), many adjustments approved, rejected or left
 * pending, carry-overs, procurement, state assets, a publication — whatever the rules refuse is
 * simply not part of the history. Then every read answers without an error: the disclosure at
 * every position, on extreme effective dates and as published, aggregate by every dimension,
 * budget lines, provenance, diff, events, replay, and the exports in every format.
 */
import fc from 'fast-check';
import {
  buildClientSchema,
  getIntrospectionQuery,
  type GraphQLEnumType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { EXPORT_FORMATS, renderExport } from '../../src/app/export';
import { Money, ReferenceLists } from '../../src/domain';
import { selectionOf } from '../support/schema-fuzz';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
let schema: GraphQLSchema;
let run = 0;
/** Accepted writes by mutation: the histories must hold what the property is about. */
const accepted = new Map<string, number>();

beforeAll(async () => {
  s = await startTestServer({ seed: false });
  const r = await s.gql<IntrospectionQuery>(getIntrospectionQuery());
  schema = buildClientSchema(r.data!);
}, 120_000);
afterAll(() => s.close());

const YEAR = 2024;
const ECON: [string, string][] = [
  ['30201', '50201'],
  ['30211', '50201'],
  ['30216', '50203'],
];
const line = (i: number, origin = 'current') => ({
  fundSource: 'general-public',
  functionalCode: '2010301',
  kind: 'public',
  deptEconCode: ECON[i]![0],
  govEconCode: ECON[i]![1],
  origin,
});

/** Amounts the ledger accepts, the largest first among them. */
const AMOUNT = fc.constantFrom(
  Money.MAX_YUAN,
  '99999999999999.99',
  '50000000000000.00',
  '0.01',
  '1.00',
  '123456.78',
);
const DATE = fc.constantFrom('1900-01-01', '2999-12-31', '2024-02-29', '2024-06-01');
/** An adjustment's dates: in its year mostly (the rules want them there), the extremes sometimes. */
const ADJ_DATE = fc.constantFrom(
  '2024-01-01',
  '2024-02-29',
  '2024-12-31',
  '2024-06-01',
  '2999-12-31',
);
const ADJ_AMOUNT = fc.constantFrom('0.01', '1.00', '123456.78', Money.MAX_YUAN);

type Step =
  | { op: 'allocate'; line: number; amount: string; date: string }
  | { op: 'carryOver'; line: number; amount: string; date: string }
  | {
      op: 'adjust';
      kind: 'INCREASE' | 'DECREASE' | 'TRANSFER';
      from: number;
      to: number;
      amount: string;
      date: string;
      verdict: 'approve' | 'reject' | 'leave';
    }
  | { op: 'procurement'; amount: string; date: string }
  | { op: 'assets'; area: string; date: string }
  | { op: 'publish'; date: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('allocate' as const), line: fc.nat(2), amount: AMOUNT, date: DATE }),
  fc.record({ op: fc.constant('carryOver' as const), line: fc.nat(2), amount: AMOUNT, date: DATE }),
  {
    arbitrary: fc.record({
      op: fc.constant('adjust' as const),
      kind: fc.constantFrom('INCREASE' as const, 'DECREASE' as const, 'TRANSFER' as const),
      from: fc.nat(2),
      to: fc.nat(2),
      amount: ADJ_AMOUNT,
      date: ADJ_DATE,
      verdict: fc.constantFrom('approve' as const, 'reject' as const, 'leave' as const),
    }),
    weight: 3,
  },
  fc.record({ op: fc.constant('procurement' as const), amount: AMOUNT, date: DATE }),
  fc.record({ op: fc.constant('assets' as const), area: AMOUNT, date: DATE }),
  fc.record({ op: fc.constant('publish' as const), date: DATE }),
);

/** A mutation as ADMIN: accepted or refused with a closed code, never an internal error. */
async function write(
  name: string,
  input: Record<string, unknown>,
  token = s.tokens.ADMIN,
): Promise<boolean> {
  const field = schema.getMutationType()!.getFields()[name]!;
  const r = await s.gql(
    `mutation($input: ${String(field.args[0]!.type)}) { ${name}(input: $input) { __typename } }`,
    { input },
    token,
  );
  const codes = (r.errors ?? []).map((e) => e.extensions.code);
  expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
  if (codes.length === 0) accepted.set(name, (accepted.get(name) ?? 0) + 1);
  return codes.length === 0;
}

/** Reviews by the finance reviewer: whoever submitted may not review it (ADMIN submits). */
const reviewer = () => s.tokens.FINANCE_REVIEWER;

async function play(
  unit: string,
  dept: string,
  funds: string[],
  steps: Step[],
  opened: string,
): Promise<void> {
  const base = { unitCode: unit, fiscalYear: YEAR };
  expect(
    await write('registerBudgetUnit', {
      unitCode: unit,
      name: `单位${unit}`,
      kind: 'administrative',
      departmentCode: dept,
      registeredAt: opened,
    }),
  ).toBe(true);
  expect(await write('openFiscalYear', { ...base, openedAt: opened })).toBe(true);
  // Money on every line first, so that decreases and transfers have something to move.
  for (const [i, amount] of funds.entries())
    await write('allocateInitialBudget', {
      ...base,
      allocationId: `f${i}`,
      lines: [{ line: line(i), amount }],
    });
  for (const [i, st] of steps.entries()) {
    switch (st.op) {
      case 'allocate':
        await write('allocateInitialBudget', {
          ...base,
          allocationId: `a${i}`,
          allocatedAt: st.date,
          lines: [{ line: line(st.line), amount: st.amount }],
        });
        break;
      case 'carryOver':
        await write('recordCarryOver', {
          ...base,
          carryOverId: `c${i}`,
          recordedAt: st.date,
          lines: [{ line: line(st.line, 'carry-over'), amount: st.amount }],
        });
        break;
      case 'procurement':
        await write('recordProcurementBudget', {
          ...base,
          recordedAt: st.date,
          goods: st.amount,
          works: '0',
          services: st.amount,
        });
        break;
      case 'assets':
        await write('recordStateAssets', {
          ...base,
          asOf: st.date,
          vehicleEstablishment: 2,
          vehiclesActual: 1,
          officeSpaceM2: st.area,
          equipmentOver500k: 0,
          equipmentOver1m: 0,
        });
        break;
      case 'publish':
        await write('publishDisclosure', { ...base, publishedAt: st.date });
        break;
      case 'adjust': {
        const lines =
          st.kind === 'TRANSFER'
            ? [
                { line: line(st.from), delta: `-${st.amount}` },
                { line: line(st.to), delta: st.amount },
              ]
            : [{ line: line(st.from), delta: `${st.kind === 'DECREASE' ? '-' : ''}${st.amount}` }];
        const adjustmentId = `j${i}`;
        const submitted = await write('submitAdjustment', {
          ...base,
          adjustmentId,
          adjustmentType: st.kind,
          reason: '测试',
          documentNumber: `文${i}`,
          effectiveDate: st.date,
          submittedAt: st.date,
          lines,
        });
        if (submitted && st.verdict === 'approve')
          await write(
            'approveAdjustment',
            { ...base, adjustmentId, approvedAt: st.date },
            reviewer(),
          );
        if (submitted && st.verdict === 'reject')
          await write(
            'rejectAdjustment',
            {
              ...base,
              adjustmentId,
              rejectedAt: st.date,
              reason: '不同意',
            },
            reviewer(),
          );
      }
    }
  }
}

/** A read of one root field with every leaf two levels down; it must answer without an error. */
async function read(name: string, args: string): Promise<Record<string, unknown>> {
  const field = schema.getQueryType()!.getFields()[name]!;
  const r = await s.gql(`{ ${name}(${args}) ${selectionOf(field.type)} }`, {}, s.tokens.ADMIN);
  if (r.errors?.length)
    throw new Error(`${name}(${args}) answered ${r.status}: ${JSON.stringify(r.errors)}`);
  expect(r.data?.[name]).toBeDefined();
  return r.data as Record<string, unknown>;
}

/**
 * Every table of the disclosure at a point (null: as published), and of each the first cell that
 * prints a figure, as provenance names it (table, row key or code, column).
 */
async function printedCells(where: string, p: bigint | null): Promise<[string, string, string][]> {
  const ids = (schema.getType('DisclosureTableId') as GraphQLEnumType).getValues();
  const asOf = p === null ? '{ published: true }' : `{ position: "${p}" }`;
  const tables = ids
    .map(
      (t) =>
        `${t.name}: table(id: ${t.name}) { columns { key kind } rows { key code cells { column value } } }`,
    )
    .join(' ');
  const r = await s.gql(
    `{ disclosure(${where}, asOf: ${asOf}) { ${tables} } }`,
    {},
    s.tokens.ADMIN,
  );
  if (r.errors?.length) throw new Error(`tables at ${p}: ${JSON.stringify(r.errors)}`);
  type Row = {
    key: string | null;
    code: string | null;
    cells: { column: string; value: string | null }[];
  };
  type Column = { key: string; kind: string };
  const cells: [string, string, string][] = [];
  for (const t of ids) {
    const table = (r.data!.disclosure as Record<string, { rows: Row[]; columns: Column[] }>)[
      t.name
    ]!;
    const amounts = new Set(table.columns.filter((c) => c.kind === 'amount').map((c) => c.key));
    for (const row of table.rows) {
      const cell = row.cells.find(
        (c) => amounts.has(c.column) && c.value !== null && !/^(0|0\.0+)$/.test(c.value),
      );
      const name = row.key ?? row.code;
      if (!cell || !name) continue;
      cells.push([t.name.toLowerCase(), name, cell.column]);
      break;
    }
  }
  return cells;
}

/** A read at a point before the department existed: a clean NOT_FOUND, never an error. */
async function absent(name: string, args: string): Promise<void> {
  const field = schema.getQueryType()!.getFields()[name]!;
  const r = await s.gql(`{ ${name}(${args}) ${selectionOf(field.type)} }`, {}, s.tokens.ADMIN);
  expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
}

test('property: every read answers on any accepted history, extreme values included', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(AMOUNT, { minLength: ECON.length, maxLength: ECON.length }),
      fc.array(step, { minLength: 6, maxLength: 16 }),
      DATE,
      async (funds, steps, opened) => {
        run++;
        const [unit, dept] = [`U${run}`, `D${run}`];
        await play(unit, dept, funds, steps, opened);
        const events = await s.store.readStream(`budget-${unit}-${YEAR}`);
        // Before its unit was registered a department has no disclosure: NOT_FOUND, asked below.
        const positions = events.map((e) => e.globalPosition);
        await absent(
          'disclosure',
          `departmentCode: "${dept}", fiscalYear: ${YEAR}, asOf: { position: "0" }`,
        );
        const where = `departmentCode: "${dept}", fiscalYear: ${YEAR}`;
        for (const p of positions) await read('disclosure', `${where}, asOf: { position: "${p}" }`);
        for (const effectiveOn of ['1900-01-01', '2999-12-31', '2024-06-30'])
          await (effectiveOn < opened ? absent : read)(
            'disclosure',
            `${where}, asOf: { effectiveOn: "${effectiveOn}" }`,
          );
        await read('disclosure', `${where}, moneyUnit: YUAN`);
        const published = events.some((e) => e.type === 'DisclosurePublished');
        if (published) await read('disclosure', `${where}, asOf: { published: true }`);
        for (const d of (schema.getType('AggregateDimension') as GraphQLEnumType).getValues())
          await read('aggregate', `fiscalYear: ${YEAR}, drilldown: [${d.name}], pageSize: 5`);
        await read('aggregate', `fiscalYear: ${YEAR}, drilldown: [UNIT, KIND, ORIGIN]`);
        await read('budgetLines', `filter: { fiscalYear: ${YEAR}, unitCodes: ["${unit}"] }`);
        for (const p of [positions[positions.length - 1]!, ...(published ? [null] : [])])
          for (const [table, row, column] of await printedCells(where, p))
            await read(
              'provenance',
              `${where}, table: "${table}", row: "${row}", column: "${column}", asOf: ${
                p === null ? '{ published: true }' : `{ position: "${p}" }`
              }`,
            );
        await read('diff', `${where}, from: { position: "${positions[0]}" }`);
        await read('replay', `unitCode: "${unit}", fiscalYear: ${YEAR}`);
        await read('events', `filter: { unitCode: "${unit}" }, first: 50`);
        await read('adjustments', `unitCode: "${unit}", first: 50`);
        await read('projects', `fiscalYear: ${YEAR}, unitCode: "${unit}"`);
        for (const format of EXPORT_FORMATS) {
          const files = await renderExport(
            s.db.appPool,
            { unit: dept, year: YEAR, format, ...(published ? { asOf: 'published' } : {}) },
            ReferenceLists.shipped(),
          );
          expect(Object.keys(files).length).toBeGreaterThan(0);
        }
      },
    ),
    { numRuns: 6, seed: 15_005, endOnFailure: true },
  );
  console.log(`accepted writes: ${JSON.stringify(Object.fromEntries(accepted))}`);
  for (const name of ['allocateInitialBudget', 'recordCarryOver', 'approveAdjustment'])
    expect(accepted.get(name)).toBeGreaterThan(0);
}, 600_000);
