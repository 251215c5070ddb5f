import { ReferenceLists } from '../../src/domain';
import Decimal from 'decimal.js';
import { loadDisclosure } from '../../src/app/disclosures';
import {
  toGeneric,
  type Disclosure,
  type DisclosureTable,
  type TableId,
} from '../../src/domain/disclosure';
import { compareWithPublishedTables } from '../unit/disclosure/golden-checks';
import { startTestServer, type GqlData, type TestServer } from '../support/server';
import seedLines from '../../data/seed/fenyang-2024/lines.json';

/**
 * The read API over HTTP on the seeded ledger (department 019, 2024: published, then two approved
 * adjustments). GOLDEN: the published disclosure read through GraphQL reproduces every figure of
 * the 13 published tables.
 */
let s: TestServer;
let publishedPosition: string;

/**
 * The exact yuan total as published. Only the 万元 figures are printed; the seed's basic-spending
 * lines in 元 are solved to reproduce them (data/seed/fenyang-2024/lines.json) and may be
 * re-derived, so the exact total is taken from the seed's lines and checked against the printed
 * 1256.36.
 */
const PUBLISHED_YUAN = seedLines.lines
  .reduce((a, l) => a.plus(l.amount), new Decimal(0))
  .toFixed(2);
const NOW_YUAN = new Decimal(PUBLISHED_YUAN).plus('120000').toFixed(2); // + the 追加 approved after publication
test("the seed's exact total prints as the published 1256.36万元", () => {
  expect(
    new Decimal(PUBLISHED_YUAN)
      .dividedBy(10000)
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
      .toFixed(2),
  ).toBe('1256.36');
});
beforeAll(async () => {
  s = await startTestServer();
  const y = await s.gql(
    '{ fiscalYears(unitCode: "019001") { fiscalYear published publishedPosition } }',
    {},
    s.tokens.AUDITOR,
  );
  publishedPosition = y.data!.fiscalYears[0].publishedPosition;
});
afterAll(() => s.close());

const TABLE_FIELDS = `id label title unitName moneyUnit headerRows note
  columns { key title kind }
  rows { role key code level name cells { column value } }
  generic { columns keys kinds note rows { role code key cells } }`;
const DISCLOSURE = `query($asOf: AsOfInput, $unit: MoneyUnit) {
  disclosure(departmentCode: "019", fiscalYear: 2024, asOf: $asOf, moneyUnit: $unit) {
    fiscalYear published department { code name } asOf { position effectiveOn }
    tables { ${TABLE_FIELDS} }
  }
}`;

/**
 * GraphQL rows back into the builder's row shape, so the golden checks of the unit tests apply
 * unchanged.
 */
function asBuilderTables(tables: GqlData[]): Disclosure['tables'] {
  const out: Partial<Record<TableId, DisclosureTable>> = {};
  for (const t of tables) {
    out[t.id as TableId] = {
      id: t.id,
      label: t.label,
      title: t.title,
      unitName: t.unitName,
      moneyUnit: t.moneyUnit,
      headerRows: t.headerRows,
      columns: t.columns,
      note: t.note,
      rows: t.rows.map((r: GqlData) => ({
        role: r.role,
        key: r.key,
        code: r.code,
        level: r.level,
        cells: Object.fromEntries(r.cells.map((c: GqlData) => [c.column, c.value])),
      })),
    };
  }
  return out as Disclosure['tables'];
}

const grandTotal = (tables: GqlData[]): GqlData =>
  tables[0].rows.find((r: GqlData) => r.key === 'grandTotal');
const cellOf = (row: GqlData, column: string): string | null =>
  row.cells.find((c: GqlData) => c.column === column)?.value ?? null;

describe('disclosure', () => {
  test('GOLDEN: PUBLIC reads the published disclosure, and every table cell equals the published figures', async () => {
    const r = await s.gql(DISCLOSURE);
    expect(r.errors).toBeUndefined();
    const d = r.data!.disclosure;
    expect(d).toMatchObject({
      fiscalYear: 2024,
      published: true,
      department: { code: '019' },
      asOf: { position: publishedPosition },
    });
    expect(d.tables.map((t: GqlData) => t.id)).toEqual([
      'T01',
      'T02',
      'T03',
      'T04',
      'T05',
      'T06',
      'T07',
      'T08',
      'T09',
      'T10',
      'T11',
      'T12',
      'T13',
    ]);
    const tables = asBuilderTables(
      d.tables.map((t: GqlData) => ({ ...t, id: t.id.toLowerCase() })),
    );
    const tally = compareWithPublishedTables({ tables } as Disclosure);
    expect(tally.mismatches).toEqual([]);
    expect(tally.compared).toBeGreaterThan(700);
    expect(cellOf(grandTotal(d.tables), 'total')).toBe('1256.36');
  });

  test('every table, in both forms, equals the builder run directly on the projections', async () => {
    const direct = await loadDisclosure(
      s.db.appPool,
      {
        departmentCode: '019',
        fiscalYear: 2024,
        at: { published: true },
      },
      ReferenceLists.shipped(),
    );
    const d = (
      await s.gql(DISCLOSURE, { asOf: { published: true } }, s.tokens.AUDITOR).then((r) => r.data!)
    ).disclosure;
    expect(d.tables).toHaveLength(13);
    for (const t of d.tables) {
      const id = t.id.toLowerCase() as TableId;
      const built = direct.disclosure.tables[id];
      expect(asBuilderTables([{ ...t, id }])[id]).toEqual(built);
      expect({ ...t.generic, id, title: built.title, moneyUnit: built.moneyUnit }).toEqual(
        toGeneric(built),
      );
    }
  });

  test('explanation, performance forms, assets, procurement and the consistency report', async () => {
    const r = await s.gql(`{ disclosure(departmentCode: "019", fiscalYear: 2024) {
      explanation {
        changes { total currentYear carriedOver text change { prior amount percent direction } }
        revenue { total items { item amount sharePercent } }
        basicExpenditure { total personnel { amount items } public { amount } }
        threePublicExpenses { total items { key amount } text }
        agencyOperatingExpenses { amount text }
        governmentProcurement { total text }
        performanceManagement { managed { count amount } published { count sharePercent } text }
        assets { vehiclesText }
      }
      performanceForms { unit { formId budget { total } } projects { projectCode fundsYuan tableAmount revision form { goal indicators { level1 value } details { key } } } }
      assets { asOf vehicles { actual byUse { use count } } officeSpaceM2 }
      procurement { total }
      consistency { inconsistencies rounding findings { ruleId kind cells { table row column } } }
    } }`);
    expect(r.errors).toBeUndefined();
    const d = r.data!.disclosure;
    expect(d.explanation.changes).toMatchObject({
      total: '1256.36',
      change: { direction: 'increase', amount: '239.27' },
    });
    expect(d.explanation.changes.text).toContain('1,256.36万元');
    expect(d.explanation.agencyOperatingExpenses.amount).toBe('24.53');
    expect(d.explanation.revenue.items.length).toBeGreaterThan(0);
    expect(d.performanceForms.projects.length).toBeGreaterThan(0);
    expect(d.performanceForms.projects.every((p: GqlData) => /^\d+\.\d\d$/.test(p.fundsYuan))).toBe(
      true,
    );
    expect(d.assets.vehicles.byUse.length).toBeGreaterThan(0);
    expect(d.procurement.total).toMatch(/^\d+\.\d\d$/);
    expect(d.consistency.inconsistencies).toBe(0);
    // As published, no project form had been revised yet (P05's revision came with the 追加).
    expect(d.performanceForms.projects.every((p: GqlData) => p.revision === 0)).toBe(true);
  });

  test('PUBLIC may read the published disclosure only; any other point needs a token', async () => {
    const now = { asOf: { effectiveOn: '2024-12-31' } };
    for (const asOf of [
      { position: publishedPosition },
      { effectiveOn: '2024-06-30' },
      { published: true, effectiveOn: '2024-06-30' },
    ]) {
      const r = await s.gql(DISCLOSURE, { asOf });
      expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(r.data?.disclosure ?? null).toBeNull();
    }
    expect((await s.gql(DISCLOSURE, { asOf: { published: true } })).errors).toBeUndefined();
    expect((await s.gql(DISCLOSURE, now, s.tokens.BUDGET_OFFICER)).errors).toBeUndefined();
    const bad = await s.gql(
      DISCLOSURE,
      { asOf: { published: true, position: '3' } },
      s.tokens.AUDITOR,
    );
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const missing = await s.gql(
      '{ disclosure(departmentCode: "999", fiscalYear: 2024) { fiscalYear } }',
    );
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  test('as in force on 2024-06-30 the disclosure is the published one; now it holds the 追加 of 120,000 yuan', async () => {
    const at = async (asOf: object | null) =>
      (await s.gql(DISCLOSURE, { asOf, unit: 'YUAN' }, s.tokens.AUDITOR)).data!.disclosure.tables;
    const [june, now, published] = await Promise.all([
      at({ effectiveOn: '2024-06-30' }),
      at(null),
      at({ published: true }),
    ]);
    expect(cellOf(grandTotal(june), 'total')).toBe(PUBLISHED_YUAN);
    expect(cellOf(grandTotal(now), 'total')).toBe(NOW_YUAN);
    expect(june).toEqual(published);
    const changed = now.flatMap((t: GqlData, i: number) =>
      t.rows.flatMap((r: GqlData, j: number) =>
        r.cells
          .filter((c: GqlData, k: number) => c.value !== june[i].rows[j]?.cells[k]?.value)
          .map((c: GqlData) => `${t.id}:${r.key ?? r.code}:${c.column}`),
      ),
    );
    expect(changed.length).toBeGreaterThan(0);
    expect(changed).toContain('T01:grandTotal:total');
  });
});

describe('registry, reference data, projects', () => {
  test('units, unit, fiscal years and projects need a token; classifications are public', async () => {
    for (const q of [
      '{ units { code } }',
      '{ unit(code: "019001") { name } }',
      '{ fiscalYears { fiscalYear } }',
      '{ projects(fiscalYear: 2024) { code } }',
    ]) {
      expect((await s.gql(q)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const units = await s.gql(
      '{ units { code name kind parentUnitCode departmentCode staffing { actual } fiscalYears { fiscalYear published closed } } }',
      {},
      s.tokens.FINANCE_REVIEWER,
    );
    expect(units.data!.units.map((u: GqlData) => u.code)).toEqual(['019001', '019002']);
    expect(units.data!.units[0]).toMatchObject({
      departmentCode: '019',
      parentUnitCode: null,
      fiscalYears: [{ fiscalYear: 2024, published: true, closed: false }],
    });
    // The subordinate unit's 2024 is published by its department's publication (made by 019001).
    expect(units.data!.units[1]).toMatchObject({
      parentUnitCode: '019001',
      fiscalYears: [{ fiscalYear: 2024, published: true, closed: false }],
    });
    expect(
      (await s.gql('{ unit(code: "nope") { name } }', {}, s.tokens.AUDITOR)).data!.unit,
    ).toBeNull();
    const fc = await s.gql(
      '{ classifications(year: 2024, kind: FUNCTIONAL, codePrefix: "201") { code name level depth parentCode } }',
    );
    expect(fc.data!.classifications[0]).toMatchObject({
      code: '201',
      name: '一般公共服务支出',
      depth: 1,
      parentCode: null,
    });
    const fs = await s.gql(
      '{ classifications(year: 2024, kind: FUND_SOURCE) { code name fiscalAppropriation } }',
    );
    expect(fs.data!.classifications.map((c: GqlData) => c.code)).toContain('general-public');
    expect(
      (await s.gql('{ classifications(year: 1999, kind: FUNCTIONAL) { code } }')).errors?.[0]
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
  });

  test('projects with their money, as published and now', async () => {
    const q =
      'query($asOf: AsOfInput) { projects(fiscalYear: 2024, asOf: $asOf) { code name unitCode category amount unit { name } } }';
    const published = (await s.gql(q, { asOf: { position: publishedPosition } }, s.tokens.AUDITOR))
      .data!.projects;
    const now = (await s.gql(q, {}, s.tokens.AUDITOR)).data!.projects;
    expect(published.length).toBeGreaterThan(0);
    const total = (ps: GqlData[]) => ps.reduce((a, p) => a.plus(p.amount), new Decimal(0));
    expect(total(now).minus(total(published)).toFixed(2)).toBe('120000.00');
    expect(published[0].unit.name).toBeTruthy();
  });
});

describe('budgetLines', () => {
  const Q = `query($filter: BudgetLineFilter!, $asOf: AsOfInput, $first: Int, $after: String, $last: Int, $before: String) {
    budgetLines(filter: $filter, asOf: $asOf, first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id amount unitCode functionalName deptEconName fundSourceName kindName projectCode projectName unit { name } } }
    } }`;
  const lines = (vars: Record<string, unknown>) => s.gql(Q, vars, s.tokens.BUDGET_OFFICER);

  test('pages forward through every line in line-id order; the lines add up to the published total', async () => {
    const asOf = { position: publishedPosition };
    const seen: GqlData[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const r = await lines({ filter: { fiscalYear: 2024 }, asOf, first: 7, after });
      expect(r.errors).toBeUndefined();
      const c = r.data!.budgetLines;
      total = c.totalCount;
      seen.push(...c.edges.map((e: GqlData) => e.node));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    const ids = seen.map((l) => l.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.reduce((a, l) => a.plus(l.amount), new Decimal(0)).toFixed(2)).toBe(PUBLISHED_YUAN);
    expect(
      seen.every((l) => l.functionalName && l.deptEconName && l.fundSourceName && l.unit.name),
    ).toBe(true);
    expect(seen.filter((l) => l.projectCode).every((l) => l.projectName)).toBe(true);
  });

  test('last/before pages backward; filters cut; more than 100 is BAD_USER_INPUT', async () => {
    const all = (await lines({ filter: { fiscalYear: 2024 }, first: 100 })).data!.budgetLines;
    const tail = (await lines({ filter: { fiscalYear: 2024 }, last: 3 })).data!.budgetLines;
    expect(tail.edges.map((e: GqlData) => e.node.id)).toEqual(
      all.edges.slice(-3).map((e: GqlData) => e.node.id),
    );
    expect(tail.pageInfo.hasPreviousPage).toBe(all.totalCount > 3);
    const before = (
      await lines({ filter: { fiscalYear: 2024 }, last: 2, before: tail.pageInfo.startCursor })
    ).data!.budgetLines;
    expect(before.edges.map((e: GqlData) => e.node.id)).toEqual(
      all.edges.slice(-5, -3).map((e: GqlData) => e.node.id),
    );
    expect(
      (await lines({ filter: { fiscalYear: 2024 }, first: 101 })).errors?.[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await lines({ filter: { fiscalYear: 2024, kind: 'bogus' } })).errors?.[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
    const personnel = (
      await lines({
        filter: {
          fiscalYear: 2024,
          kind: 'personnel',
          functionalCodePrefix: '201',
          unitCodes: ['019001'],
        },
        first: 100,
      })
    ).data!.budgetLines;
    expect(personnel.totalCount).toBeGreaterThan(0);
    expect(
      personnel.edges.every(
        (e: GqlData) => e.node.kindName === '人员经费' && e.node.unitCode === '019001',
      ),
    ).toBe(true);
    expect((await s.gql(Q, { filter: { fiscalYear: 2024 } })).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('aggregate', () => {
  const Q = `query($drilldown: [AggregateDimension!]!, $asOf: AsOfInput, $cut: LineCutInput, $orderBy: AggregateOrder) {
    aggregate(fiscalYear: 2024, drilldown: $drilldown, asOf: $asOf, cut: $cut, orderBy: $orderBy) {
      cellCount summary { amount amountWanYuan }
      cells { amount amountWanYuan dimensions { dimension code name } }
    } }`;
  const agg = (vars: Record<string, unknown>) =>
    s.gql(Q, vars, s.tokens.AUDITOR).then((r) => {
      expect(r.errors).toBeUndefined();
      return r.data!.aggregate;
    });

  test('by 类 as published: sums to the published exact total (1256.36万元) and each 类 equals table 1', async () => {
    const asOf = { position: publishedPosition };
    const a = await agg({ drilldown: ['FUNCTIONAL_CLASS'], asOf });
    expect(a.summary).toEqual({ amount: PUBLISHED_YUAN, amountWanYuan: '1256.36' });
    expect(
      a.cells.reduce((x: Decimal, c: GqlData) => x.plus(c.amount), new Decimal(0)).toFixed(2),
    ).toBe(PUBLISHED_YUAN);
    expect(a.cellCount).toBe(a.cells.length);
    const t01 = (await s.gql(DISCLOSURE)).data!.disclosure.tables[0];
    for (const c of a.cells) {
      const row = t01.rows.find((r: GqlData) => r.code === c.dimensions[0].code);
      expect(row).toBeDefined();
      expect(cellOf(row, 'total')).toBe(c.amountWanYuan);
      expect(c.dimensions[0].name).toBeTruthy();
    }
  });

  test('by fund source, by unit × basic/project, and now (+120,000 yuan of 追加)', async () => {
    const bySource = await agg({
      drilldown: ['FUND_SOURCE'],
      asOf: { position: publishedPosition },
      orderBy: { by: 'AMOUNT', direction: 'DESC' },
    });
    expect(bySource.summary.amount).toBe(PUBLISHED_YUAN);
    expect(bySource.cells[0].dimensions[0]).toMatchObject({
      dimension: 'FUND_SOURCE',
      code: 'general-public',
      name: '一般公共预算',
    });
    const amounts = bySource.cells.map((c: GqlData) => new Decimal(c.amount));
    expect(amounts).toEqual([...amounts].sort((x, y) => y.comparedTo(x)));
    const units = await agg({ drilldown: ['UNIT', 'BASIC_PROJECT'] });
    expect(units.summary.amount).toBe(NOW_YUAN);
    expect(units.cells[0].dimensions.map((d: GqlData) => d.dimension)).toEqual([
      'UNIT',
      'BASIC_PROJECT',
    ]);
    expect(
      units.cells.every(
        (c: GqlData) =>
          c.dimensions[0].name && ['基本支出', '项目支出'].includes(c.dimensions[1].name),
      ),
    ).toBe(true);
    const projects = await agg({ drilldown: ['PROJECT'], cut: { kind: 'project' } });
    expect(projects.cells.every((c: GqlData) => c.dimensions[0].code && c.dimensions[0].name)).toBe(
      true,
    );
    const june = await agg({ drilldown: [], asOf: { effectiveOn: '2024-06-30' } });
    expect(june.summary.amount).toBe(PUBLISHED_YUAN);
    expect(june.cellCount).toBe(1);
  });
});
