/**
 * 表六 一般公共预算安排基本支出分经济科目表（不含上年结转）: basic spending of the general
 * public budget by (department economic 款, government economic 款), grouped by department 类.
 * The two classifications are printed side by side because a 事业单位's money maps to 505.
 */
import type { BudgetLineKey } from '../budget/line';
import { cell, current, source, sumLines, type Cell, type LinePredicate } from './amounts';
import { layoutTable, type BuildContext } from './context';
import { TOTAL_LABEL } from './layout';
import { row, type DisclosureTable, type TableRow } from './table';

const inScope: LinePredicate = (l) =>
  source('general-public')(l) && current(l) && l.kind !== 'project';
const personnel: LinePredicate = (l) => l.kind === 'personnel';
const publicKind: LinePredicate = (l) => l.kind === 'public';

function amounts(ctx: BuildContext, predicate: LinePredicate): Record<string, Cell> {
  const sum = (p: LinePredicate): Cell =>
    cell(sumLines(ctx.facts.lines, inScope, predicate, p), ctx.unit);
  return { total: sum(() => true), personnel: sum(personnel), public: sum(publicKind) };
}

/** Distinct (department 款, government 款) pairs with money, in code order. */
function economicPairs(ctx: BuildContext): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const { line } of ctx.facts.lines)
    if (inScope(line))
      pairs.set(`${line.deptEconCode}/${line.govEconCode}`, [line.deptEconCode, line.govEconCode]);
  const hasMoney = ([dept, gov]: [string, string]): boolean =>
    amounts(ctx, (l) => l.deptEconCode === dept && l.govEconCode === gov).total !== null;
  return [...pairs.values()]
    .filter(hasMoney)
    .sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
}

function itemRow(ctx: BuildContext, [dept, gov]: [string, string]): TableRow {
  const names = {
    departmentEconomicClass: ctx.reference.name('departmentEconomic', dept) ?? dept,
    governmentEconomicClass: ctx.reference.name('governmentEconomic', gov) ?? gov,
  };
  const match = (l: BudgetLineKey): boolean => l.deptEconCode === dept && l.govEconCode === gov;
  return row('item', { ...names, ...amounts(ctx, match) }, { code: dept, key: `${dept}/${gov}` });
}

export function basicByEconomicTable(ctx: BuildContext): DisclosureTable {
  const pairs = economicPairs(ctx);
  const groups = [...new Set(pairs.map(([dept]) => dept.slice(0, 3)))];
  const rows: TableRow[] = [
    row(
      'total',
      {
        departmentEconomicClass: TOTAL_LABEL,
        governmentEconomicClass: null,
        ...amounts(ctx, () => true),
      },
      { key: 'total' },
    ),
  ];
  for (const group of groups) {
    const name = ctx.reference.name('departmentEconomic', group) ?? group;
    rows.push(
      row(
        'group',
        {
          departmentEconomicClass: name,
          governmentEconomicClass: null,
          ...amounts(ctx, (l) => l.deptEconCode.startsWith(group)),
        },
        { code: group },
      ),
    );
    rows.push(
      ...pairs.filter(([dept]) => dept.startsWith(group)).map((pair) => itemRow(ctx, pair)),
    );
  }
  return layoutTable(ctx, 't06', rows);
}
