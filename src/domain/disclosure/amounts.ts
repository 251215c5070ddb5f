/**
 * Summing lines and printing cells. The one rounding rule lives in Money.toWanYuan; here we only
 * make sure it is applied once per cell, to the exact yuan sum of that cell's lines.
 */
import * as Money from '../money';
import type { BudgetLineKey } from '../budget/line';
import { fundSourceGroup, type RevenueSource } from '../reference/types';
import type { FactLine, MoneyUnit } from './facts';

/** A printed cell: an amount string, or null where the table prints nothing. */
export type Cell = string | null;
export type LinePredicate = (line: BudgetLineKey) => boolean;

export const all: LinePredicate = () => true;
export const and =
  (...predicates: LinePredicate[]): LinePredicate =>
  (line) =>
    predicates.every((p) => p(line));
/** Lines of these revenue sources; 单位资金 counts its kinds (事业收入 …) with it. */
export const source =
  (...sources: RevenueSource[]): LinePredicate =>
  (line) =>
    sources.includes(fundSourceGroup(line.fundSource));
export const current: LinePredicate = (line) => line.origin === 'current';
export const carriedOver: LinePredicate = (line) => line.origin === 'carry-over';
export const basic: LinePredicate = (line) => line.kind !== 'project';
export const project: LinePredicate = (line) => line.kind === 'project';
export const functionalUnder =
  (prefix: string): LinePredicate =>
  (line) =>
    line.functionalCode.startsWith(prefix);

/** The exact yuan sum of the lines matching every predicate. */
export function sumLines(lines: readonly FactLine[], ...predicates: LinePredicate[]): Money.Yuan {
  const match = and(...predicates);
  return Money.sum(lines.filter((l) => match(l.line)).map((l) => l.amount));
}

/** A cell from an exact yuan sum: empty when zero, else 万元 (rounded once, here) or yuan. */
export function cell(yuan: Money.Yuan, unit: MoneyUnit): Cell {
  if (Money.isZero(yuan)) return null;
  return unit === 'wan-yuan' ? Money.toWanYuan(yuan) : Money.sum([yuan]);
}

/** Like cell, but a zero prints as "0" (the explanation says "0万元", tables print nothing). */
export function figure(yuan: Money.Yuan, unit: MoneyUnit): string {
  return cell(yuan, unit) ?? '0';
}

export const moneyUnitLabel = (unit: MoneyUnit): '万元' | '元' =>
  unit === 'wan-yuan' ? '万元' : '元';
