/**
 * Tables whose rows are the functional classification (类/款/项): 2, 3, 5, 7, 8, 9. A row is
 * printed for every 类, 款 and 项 with money in the table's scope, in code order, after a 合计 row.
 */
import * as Money from '../money';
import {
  all,
  and,
  basic,
  cell,
  current,
  functionalUnder,
  project,
  source,
  sumLines,
  type Cell,
  type LinePredicate,
} from './amounts';
import { layoutTable, type BuildContext } from './context';
import { SOURCE_KEYS, TOTAL_LABEL } from './layout';
import { row, type DisclosureTable, type TableRow } from './table';
import { REVENUE_SOURCES } from '../reference/types';

type Columns = Record<string, LinePredicate>;

/** The 类, 款 and 项 codes that have money in scope, sorted so each parent precedes its children. */
export function functionalCodes(ctx: BuildContext, scope: LinePredicate): string[] {
  const codes = new Set<string>();
  for (const { line } of ctx.facts.lines) {
    if (!scope(line)) continue;
    const c = line.functionalCode;
    [c.slice(0, 3), c.slice(0, 5), c].forEach((x) => codes.add(x));
  }
  return [...codes]
    .filter((code) => !Money.isZero(sumLines(ctx.facts.lines, scope, functionalUnder(code))))
    .sort();
}

function cells(ctx: BuildContext, scope: LinePredicate, columns: Columns): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [key, predicate] of Object.entries(columns))
    out[key] = cell(sumLines(ctx.facts.lines, scope, predicate), ctx.unit);
  return out;
}

const LEVEL_BY_LENGTH: Record<number, number> = { 3: 1, 5: 2, 7: 3 };

/** 合计 first, then one row per 类/款/项 code in scope. */
export function functionalRows(
  ctx: BuildContext,
  scope: LinePredicate,
  columns: Columns,
): TableRow[] {
  const total = row(
    'total',
    { code: null, name: TOTAL_LABEL, ...cells(ctx, scope, columns) },
    { key: 'total' },
  );
  const body = functionalCodes(ctx, scope).map((code) => {
    const name = ctx.reference.name('functional', code) ?? code;
    return row(
      'class',
      { code, name, ...cells(ctx, scope, withPrefix(columns, code)) },
      { code, level: LEVEL_BY_LENGTH[code.length] ?? null },
    );
  });
  return [total, ...body];
}

function withPrefix(columns: Columns, code: string): Columns {
  const under = functionalUnder(code);
  return Object.fromEntries(
    Object.entries(columns).map(([k, p]) => [
      k,
      (l: Parameters<LinePredicate>[0]) => under(l) && p(l),
    ]),
  );
}

const BASIC_PROJECT: Columns = { total: all, basic, project };

/** 表二 预算收入总表: all money, by fund source (this year's) and 上年结转. */
export function revenueTable(ctx: BuildContext): DisclosureTable {
  const columns: Columns = { total: all };
  for (const s of REVENUE_SOURCES) columns[SOURCE_KEYS[s]] = and(source(s), current);
  columns.carriedOver = (l) => l.origin === 'carry-over';
  return layoutTable(ctx, 't02', functionalRows(ctx, all, columns));
}

/** 表三 预算支出总表: all money, basic and project. */
export const expenditureTable = (ctx: BuildContext): DisclosureTable =>
  layoutTable(ctx, 't03', functionalRows(ctx, all, BASIC_PROJECT));

/** 表五 一般公共预算支出预算表（不含上年结转）. */
export const generalPublicTable = (ctx: BuildContext): DisclosureTable =>
  layoutTable(
    ctx,
    't05',
    functionalRows(ctx, (l) => source('general-public')(l) && current(l), BASIC_PROJECT),
  );

const governmentFund: LinePredicate = (l) => source('government-fund')(l) && current(l);
const stateCapital: LinePredicate = (l) => source('state-capital')(l) && current(l);

/** 表七 政府性基金预算收入表: the fund money the unit receives, by the subject it is spent on. */
export const governmentFundRevenueTable = (ctx: BuildContext): DisclosureTable =>
  layoutTable(ctx, 't07', functionalRows(ctx, governmentFund, { amount: all }));

/** 表八 政府性基金预算支出表. */
export const governmentFundExpenditureTable = (ctx: BuildContext): DisclosureTable =>
  layoutTable(ctx, 't08', functionalRows(ctx, governmentFund, BASIC_PROJECT));

/** 表九 国有资本经营预算收支预算表: revenue and expenditure side by side, on the same subjects. */
export function stateCapitalTable(ctx: BuildContext): DisclosureTable {
  const rows = functionalRows(ctx, stateCapital, {
    revenue: all,
    expenditureTotal: all,
    basic,
    project,
  }).map((r) => {
    const { code, name, ...amounts } = r.cells;
    return {
      ...r,
      cells: {
        revenueCode: code ?? null,
        revenueName: name ?? null,
        code: code ?? null,
        name: name ?? null,
        ...amounts,
      },
    };
  });
  return layoutTable(ctx, 't09', rows);
}
