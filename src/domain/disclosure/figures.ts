/**
 * The figures of the explanation (第三部分). Each amount is an exact yuan sum rounded once (like a
 * table cell). Changes (增减额/增减率) and shares (占比) are computed from those printed figures,
 * not from the exact sums, so that a reader recomputing them from the tables gets the same
 * numbers (the seed does the same: 机关运行经费 1.09 ÷ 25.62 = 4.25%, where exact yuan would give 4.27%).
 */
import * as Money from '../money';
import type { MoneyUnit } from './facts';
import { cell, figure } from './amounts';

export type Direction = 'increase' | 'decrease' | 'flat';

export interface ChangeFigure {
  /** The prior year's figure, as printed. */
  prior: string;
  /** |增减额| as printed ("0" when flat). */
  amount: string;
  /** |增减率| in percent, 2 decimals; null when the prior year is zero. */
  percent: string | null;
  direction: Direction;
}

export interface ShareItem {
  item: string;
  amount: string;
  /** 占比 in percent, 2 decimals ("0" for nothing); null when the whole is zero. */
  sharePercent: string | null;
}

/** 增减额 and 增减率 of this year against the prior year; null when there is no prior figure. */
export function changeOf(
  current: Money.Yuan,
  prior: Money.Yuan | null | undefined,
  unit: MoneyUnit,
): ChangeFigure | null {
  if (prior === null || prior === undefined) return null;
  const [now, before] = [printed(current, unit), printed(prior, unit)];
  const diff = Money.sub(now, before);
  const direction: Direction = Money.isZero(diff)
    ? 'flat'
    : Money.isNegative(diff)
      ? 'decrease'
      : 'increase';
  return {
    prior: figure(prior, unit),
    amount: figure(Money.abs(diff), 'yuan') /* already in the printed unit */,
    percent: shownPercent(Money.abs(diff), before),
    direction,
  };
}

/** A percentage as the explanation prints it: 2 decimals, "0" for nothing, null when undefined. */
export function shownPercent(part: Money.Yuan, whole: Money.Yuan): string | null {
  const value = Money.percent(part, whole);
  if (value === null) return null;
  return Money.isZero(part) ? '0' : value;
}

/** The printed figure as a number to compute with ("0.00" for an empty figure). */
export const printed = (yuan: Money.Yuan, unit: MoneyUnit): string =>
  cell(yuan, unit) ?? Money.ZERO;

export function shareItem(
  item: string,
  part: Money.Yuan,
  whole: Money.Yuan,
  unit: MoneyUnit,
): ShareItem {
  return {
    item,
    amount: figure(part, unit),
    sharePercent: shownPercent(printed(part, unit), printed(whole, unit)),
  };
}

/**
 * Adds thousands separators to a printed amount ("1256.36" → "1,256.36"), as the seed prints them.
 */
export function withSeparators(amount: string): string {
  const [whole, fraction] = amount.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** The verbs of a change: 增加/增长, 减少/下降; flat changes are worded by the caller (持平 / 相同). */
export const CHANGE_WORDS: Record<Exclude<Direction, 'flat'>, { amount: string; rate: string }> = {
  increase: { amount: '增加', rate: '增长' },
  decrease: { amount: '减少', rate: '下降' },
};

/** "比上年增加239.27万元，增长23.52%" / "与上年持平"; `flat` overrides the wording of no change. */
export function changePhrase(
  change: ChangeFigure,
  against: string,
  unitLabel: string,
  flat = `与${against}持平`,
): string {
  if (change.direction === 'flat') return flat;
  const words = CHANGE_WORDS[change.direction];
  const rate = change.percent === null ? '' : `，${words.rate}${change.percent}%`;
  return `比${against}${words.amount}${withSeparators(change.amount)}${unitLabel}${rate}`;
}
