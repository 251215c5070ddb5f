/**
 * The two-sided summary tables: 表一 预算收支总表 (all money) and 表四 财政拨款收支总表
 * (财政拨款 only). Revenue by fund source on the left, expenditure by all 30 类 on the right, in
 * the reference list's order, then the fixed total rows.
 */
import type { RevenueSource } from '../reference/types';
import {
  all,
  carriedOver,
  cell,
  current,
  functionalUnder,
  source,
  sumLines,
  type Cell,
  type LinePredicate,
} from './amounts';
import { layoutTable, type BuildContext } from './context';
import { chineseOrdinal, SOURCE_KEYS, SUMMARY_ROWS, type SummaryRowLabels } from './layout';
import { row, type DisclosureTable, type TableRow } from './table';

/** The fund sources that are 财政拨款, in printed order (from the reference data). */
export function fiscalSources(ctx: BuildContext): RevenueSource[] {
  return ctx.reference.data.fundSources
    .filter((f) => f.fiscalAppropriation)
    .map((f) => f.id as RevenueSource);
}

const allSources = (ctx: BuildContext): RevenueSource[] =>
  ctx.reference.data.fundSources.map((f) => f.id as RevenueSource);

type Columns = Record<string, LinePredicate>;

function amounts(ctx: BuildContext, scope: LinePredicate, columns: Columns): Record<string, Cell> {
  return Object.fromEntries(
    Object.entries(columns).map(([key, p]) => [
      key,
      cell(sumLines(ctx.facts.lines, scope, p), ctx.unit),
    ]),
  );
}

interface Side {
  sources: RevenueSource[];
  scope: LinePredicate;
  expenditure: Columns;
}

/** Rows pairing the i-th revenue source with the i-th 类 (a side may run out first). */
function pairedRows(ctx: BuildContext, side: Side): TableRow[] {
  const categories = ctx.reference.functionalCategories();
  const count = Math.max(categories.length, side.sources.length);
  return Array.from({ length: count }, (_, i) => {
    const s = side.sources[i];
    const c = categories[i];
    const revenue = s
      ? {
          revenueItem: `${chineseOrdinal(i + 1)}、${ctx.reference.fundSource(s)?.name ?? s}`,
          revenueAmount: cell(sumLines(ctx.facts.lines, side.scope, source(s), current), ctx.unit),
        }
      : { revenueItem: null, revenueAmount: null };
    const blank = Object.fromEntries(Object.keys(side.expenditure).map((k) => [k, null]));
    const expenditure = c
      ? {
          expenditureItem: `${chineseOrdinal(i + 1)}、${c.name}`,
          ...amounts(ctx, (l) => side.scope(l) && functionalUnder(c.code)(l), side.expenditure),
        }
      : { expenditureItem: null, ...blank };
    return row(
      'item',
      { ...revenue, ...expenditure },
      { code: c?.code ?? null, key: s ? `revenue.${s}` : null },
    );
  });
}

function totalRow(
  key: string,
  labels: readonly [string, string],
  revenue: Cell,
  expenditure: Record<string, Cell>,
): TableRow {
  return row(
    'total',
    { revenueItem: labels[0], revenueAmount: revenue, expenditureItem: labels[1], ...expenditure },
    { key },
  );
}

function totalRows(ctx: BuildContext, side: Side, labels: SummaryRowLabels): TableRow[] {
  const sum = (...p: LinePredicate[]): Cell =>
    cell(sumLines(ctx.facts.lines, side.scope, ...p), ctx.unit);
  const spent = amounts(ctx, side.scope, side.expenditure);
  // A budget has no 年终结转 yet: the year-end carry-forward is decided when the year closes.
  const noYearEnd = Object.fromEntries(Object.keys(side.expenditure).map((k) => [k, null]));
  return [
    totalRow('currentYear', labels.currentYear, sum(current), spent),
    totalRow('carryover', labels.carryover, sum(carriedOver), noYearEnd),
    totalRow('grandTotal', labels.grandTotal, sum(), spent),
  ];
}

/** 表一 预算收支总表. */
export function summaryTable(ctx: BuildContext): DisclosureTable {
  const side: Side = {
    sources: allSources(ctx),
    scope: all,
    expenditure: { total: all, currentYear: current, carriedOver },
  };
  const [currentYear, carryover, grandTotal] = totalRows(ctx, side, SUMMARY_ROWS.t01);
  return layoutTable(ctx, 't01', [...pairedRows(ctx, side), currentYear!, carryover!, grandTotal!]);
}

/** 表四 财政拨款收支总表, with the 上年财政拨款结转 broken down by source. */
export function fiscalSummaryTable(ctx: BuildContext): DisclosureTable {
  const sources = fiscalSources(ctx);
  const expenditure: Columns = { subtotal: all };
  for (const s of ['general-public', 'government-fund', 'state-capital'] as const)
    expenditure[SOURCE_KEYS[s]] = source(s);
  const side: Side = { sources, scope: source(...sources), expenditure };
  const [currentYear, carryover, grandTotal] = totalRows(ctx, side, SUMMARY_ROWS.t04);
  const breakdown = sources.map((s, i) =>
    row(
      'item',
      {
        revenueItem: `${chineseOrdinal(i + 1)}、${ctx.reference.fundSource(s)?.name ?? s}`,
        revenueAmount: cell(sumLines(ctx.facts.lines, source(s), carriedOver), ctx.unit),
        expenditureItem: null,
        ...Object.fromEntries(Object.keys(expenditure).map((k) => [k, null])),
      },
      { key: `carryover.${s}` },
    ),
  );
  return layoutTable(ctx, 't04', [
    ...pairedRows(ctx, side),
    currentYear!,
    carryover!,
    ...breakdown,
    grandTotal!,
  ]);
}
