/**
 * The golden comparison of a built disclosure with the published tables (expected.json), shared by
 * the unit golden test (facts from the seed files) and the integration golden test (facts from
 * the ledger's projections as of publication).
 */
import type { Disclosure, TableId } from '../../../src/domain/disclosure';
import { expected } from './fenyang-fixture';
import { rowsOf, same, sameRow, sameRows, tally, type Tally } from './golden-compare';

const T = expected.tables;
const FUNCTIONAL_T02 = [
  'code',
  'name',
  'total',
  'generalPublicBudget',
  'governmentFund',
  'stateCapital',
  'fiscalSpecialAccount',
  'carriedOver',
  'unitFunds',
];
const BASIC_PROJECT = ['code', 'name', 'total', 'basic', 'project'];
const FISCAL = ['total', 'generalPublicBudget', 'governmentFund', 'stateCapital'];

type Table = (id: TableId) => Disclosure['tables'][TableId];

function summaryTables(t: Tally, table: Table): void {
  const t1 = table('t01');
  T.t01_revenue_expenditure_summary.revenue.forEach((r, i) =>
    sameRow(t, `t01.revenue[${i}]`, { revenueItem: r.item, revenueAmount: r.amount }, t1.rows[i], [
      'revenueItem',
      'revenueAmount',
    ]),
  );
  T.t01_revenue_expenditure_summary.expenditure.forEach((r, i) =>
    sameRow(t, `t01.expenditure[${i}]`, { expenditureItem: r.item, ...r }, t1.rows[i], [
      'expenditureItem',
      'total',
      'currentYear',
      'carriedOver',
    ]),
  );
  for (const [key, r] of Object.entries(T.t01_revenue_expenditure_summary.totals)) {
    sameRow(
      t,
      `t01.${key}`,
      { ...r },
      t1.rows.find((x) => x.key === key),
      ['revenueItem', 'revenueAmount', 'expenditureItem', 'total', 'currentYear', 'carriedOver'],
    );
  }
  const t4 = table('t04');
  const e4 = T.t04_fiscal_appropriation_summary;
  e4.revenue.forEach((r, i) =>
    sameRow(t, `t04.revenue[${i}]`, { revenueItem: r.item, revenueAmount: r.amount }, t4.rows[i], [
      'revenueItem',
      'revenueAmount',
    ]),
  );
  e4.expenditure.forEach((r, i) =>
    sameRow(t, `t04.expenditure[${i}]`, { expenditureItem: r.item, ...r }, t4.rows[i], [
      'expenditureItem',
      'subtotal',
      'generalPublicBudget',
      'governmentFund',
      'stateCapital',
    ]),
  );
  const { priorYearCarryoverBreakdown, ...totals } = e4.totals;
  for (const [key, r] of Object.entries(totals))
    sameRow(
      t,
      `t04.${key}`,
      { ...r },
      t4.rows.find((x) => x.key === key),
      [
        'revenueItem',
        'revenueAmount',
        'expenditureItem',
        'subtotal',
        'generalPublicBudget',
        'governmentFund',
        'stateCapital',
      ],
    );
  const breakdown = t4.rows.filter((x) => x.key?.startsWith('carryover.'));
  sameRows(
    t,
    't04.carryoverBreakdown',
    priorYearCarryoverBreakdown.map((r) => ({ revenueItem: r.item, revenueAmount: r.amount })),
    breakdown,
    ['revenueItem', 'revenueAmount'],
  );
}

function functionalTables(t: Tally, table: Table): void {
  const cases = [
    ['t02', T.t02_revenue, FUNCTIONAL_T02],
    ['t03', T.t03_expenditure, BASIC_PROJECT],
    ['t05', T.t05_general_public_budget_expenditure, BASIC_PROJECT],
  ] as const;
  for (const [id, e, keys] of cases) {
    sameRows(t, id, e.rows, rowsOf(table(id), 'class'), keys);
    sameRow(t, `${id}.合计`, e.total, table(id).rows[0], keys.slice(1));
  }
}

function economicTable(t: Tally, table: Table): void {
  const e = T.t06_basic_expenditure_by_economic_class;
  const keys = [
    'departmentEconomicClass',
    'governmentEconomicClass',
    'total',
    'personnel',
    'public',
  ];
  sameRows(t, 't06', e.rows, rowsOf(table('t06'), 'group', 'item'), keys);
  sameRow(t, 't06.合计', e.total, table('t06').rows[0], keys);
}

function emptyTables(t: Tally, table: Table): void {
  same(
    t,
    't07.total',
    T.t07_government_fund_revenue.total.amount,
    table('t07').rows[0]?.cells.amount,
  );
  sameRow(t, 't08.total', T.t08_government_fund_expenditure.total, table('t08').rows[0], [
    'total',
    'basic',
    'project',
  ]);
  sameRow(t, 't09.total', T.t09_state_capital.total, table('t09').rows[0], [
    'revenue',
    'expenditureTotal',
    'basic',
    'project',
  ]);
  for (const id of ['t07', 't08', 't09'] as const) same(t, `${id} rows`, 1, table(id).rows.length);
  same(t, 't13 rows', 0, table('t13').rows.length);
  const notes = {
    t07: T.t07_government_fund_revenue.note,
    t08: T.t08_government_fund_expenditure.note,
    t09: T.t09_state_capital.note,
    t13: T.t13_project_expenditure_carried_over.note,
  };
  for (const [id, note] of Object.entries(notes))
    same(t, `${id}.note`, note, table(id as TableId).note);
}

function specialTables(t: Tally, table: Table): void {
  const e10 = T.t10_three_public_expenses;
  sameRows(t, 't10', e10.rows, rowsOf(table('t10'), 'item'), ['item', ...FISCAL]);
  sameRow(t, 't10.合计', e10.total, rowsOf(table('t10'), 'total')[0], ['item', ...FISCAL]);
  const e11 = T.t11_agency_operating_expenses;
  sameRows(t, 't11', e11.rows, rowsOf(table('t11'), 'unit'), ['unitName', ...FISCAL]);
  sameRow(t, 't11.部门合计', e11.total, table('t11').rows[0], ['unitName', ...FISCAL]);
  const keys = ['project', ...FISCAL, 'fiscalSpecialAccount', 'unitFunds'];
  sameRows(t, 't12', T.t12_project_expenditure_current.rows, table('t12').rows, keys);
  same(t, 't12 unit row first', 'unit', table('t12').rows[0]?.role);
}

function titles(t: Tally, table: Table): void {
  for (const [name, e] of Object.entries(T)) {
    const id = name.slice(0, 3) as TableId;
    same(t, `${id}.title`, e.title, table(id).title);
    same(t, `${id}.label`, e.label, table(id).label);
    same(t, `${id}.unitName`, e.unitName, table(id).unitName);
    same(t, `${id}.unit`, e.unit, table(id).moneyUnit);
  }
  same(t, 't01 类 rows', 30, T.t01_revenue_expenditure_summary.expenditure.length);
  same(t, 't04 类 rows', 30, rowsOf(table('t04'), 'item').filter((r) => r.code !== null).length);
}

/**
 * Compares every figure, title and note of the 13 tables; returns what was compared and every
 * mismatch.
 */
export function compareWithPublishedTables(disclosure: Disclosure): Tally {
  const t = tally();
  const table: Table = (id) => disclosure.tables[id];
  [summaryTables, functionalTables, economicTable, emptyTables, specialTables, titles].forEach(
    (check) => check(t, table),
  );
  return t;
}
