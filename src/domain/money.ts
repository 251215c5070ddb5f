/**
 * Money is yuan with at most two decimals, carried as strings ("1234.50") in events and on the
 * wire and computed with decimal.js. Nothing here rounds an amount the user gave us: more than
 * two decimals is an error, because silently rounding is how fen get created or lost. The only
 * rounding is for display (toWanYuan), once per cell, half-up.
 */
import DecimalJs from 'decimal.js';
import { ruleError } from './rules/errors';

/** A private Decimal constructor so that no other module's global configuration leaks in. */
const Decimal = DecimalJs.clone({
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
type Decimal = InstanceType<typeof Decimal>;

/** A yuan amount in canonical form: optional minus, digits, a point and exactly two decimals. */
export type Yuan = string;

const YUAN_INPUT = /^-?\d+(\.\d{1,2})?$/;
const MORE_DECIMALS = /^-?\d+\.\d{3,}$/;

export interface AmountContext {
  field?: string;
  lineId?: string;
}

/**
 * `new Decimal(input).toFixed(2)` for an input YUAN_INPUT accepts, by string operations: leading
 * zeros dropped, decimals padded to two, no sign on zero. Exact, and ~20× cheaper than a Decimal;
 * an import parses every amount of every line (tests/unit/domain/money.test.ts holds it to
 * Decimal).
 */
function canonical(input: string): Yuan {
  const negative = input.charCodeAt(0) === 45;
  const dot = input.indexOf('.');
  const end = dot < 0 ? input.length : dot;
  let i = negative ? 1 : 0;
  while (i < end - 1 && input.charCodeAt(i) === 48) i++;
  const whole = input.slice(i, end);
  const fraction = dot < 0 ? '00' : input.slice(dot + 1).padEnd(2, '0');
  const sign = negative && !(whole === '0' && fraction === '00') ? '-' : '';
  return `${sign}${whole}.${fraction}`;
}

/**
 * The largest amount the ledger takes, in yuan: 100 万亿 less a fen, far above any budget (a
 * whole country's is a fraction of it) and far below what the database's numeric(20, 2) and the
 * sums of many lines can hold. A single amount or a line's balance beyond it is refused.
 */
export const MAX_YUAN: Yuan = '99999999999999.99';
const MAX_WHOLE_DIGITS = 14;

/** |amount| ≤ MAX_YUAN, for a canonical amount. */
export function withinRange(amount: Yuan): boolean {
  const digits = amount.indexOf('.') - (amount.charCodeAt(0) === 45 ? 1 : 0);
  return digits <= MAX_WHOLE_DIGITS;
}

/** Parses a user-given yuan amount; rejects numbers, exponents, blanks and more than 2 decimals. */
export function parseYuan(input: unknown, context: AmountContext = {}): Yuan {
  if (typeof input !== 'string' || !YUAN_INPUT.test(input)) {
    const why =
      typeof input === 'string' && MORE_DECIMALS.test(input)
        ? 'has more than 2 decimals'
        : 'is not a yuan amount';
    throw ruleError('money.format', `${JSON.stringify(input)} ${why}`, {
      ...context,
      amount: String(input),
    });
  }
  const amount = canonical(input);
  if (!withinRange(amount))
    throw ruleError('money.range', `${amount} is beyond the largest amount, ${MAX_YUAN}`, {
      ...context,
      amount,
    });
  return amount;
}

/**
 * Parses an amount that must be strictly positive (allocations, carry-overs, procurement items).
 */
export function parsePositiveYuan(input: unknown, context: AmountContext = {}): Yuan {
  const amount = parseYuan(input, context);
  // Canonical: negative iff it starts with "-", zero iff it is exactly ZERO.
  if (amount.charCodeAt(0) === 45 || amount === ZERO) {
    throw ruleError('money.positive', `${amount} is not more than zero`, { ...context, amount });
  }
  return amount;
}

/** Parses an amount that may be zero but not negative (e.g. 政府采购工程预算 0). */
export function parseNonNegativeYuan(input: unknown, context: AmountContext = {}): Yuan {
  const amount = parseYuan(input, context);
  if (isNegative(amount)) {
    throw ruleError('money.positive', `${amount} is negative`, { ...context, amount });
  }
  return amount;
}

/** Parses a signed change; zero is rejected because a change of nothing is a mistake. */
export function parseDelta(input: unknown, context: AmountContext = {}): Yuan {
  const amount = parseYuan(input, context);
  if (isZero(amount))
    throw ruleError('money.positive', 'a change of 0 changes nothing', { ...context, amount });
  return amount;
}

export function isValidYuan(input: unknown): input is string {
  return typeof input === 'string' && YUAN_INPUT.test(input);
}

const d = (value: Yuan): Decimal => new Decimal(value);
const out = (value: Decimal): Yuan => value.toFixed(2);

export const ZERO: Yuan = '0.00';
/** a + b. Adding to zero (a line's first posting, every line of an allocation) needs no Decimal. */
export const add = (a: Yuan, b: Yuan): Yuan =>
  a === ZERO && YUAN_INPUT.test(b) ? canonical(b) : out(d(a).plus(d(b)));
export const sub = (a: Yuan, b: Yuan): Yuan => out(d(a).minus(d(b)));
export const abs = (a: Yuan): Yuan => out(d(a).abs());
export const sum = (values: readonly Yuan[]): Yuan =>
  out(values.reduce((acc, v) => acc.plus(d(v)), new Decimal(0)));
/** -1, 0 or 1, like a comparator. */
export const compare = (a: Yuan, b: Yuan): -1 | 0 | 1 => d(a).comparedTo(d(b)) as -1 | 0 | 1;
export const isZero = (a: Yuan): boolean => d(a).isZero();
export const isNegative = (a: Yuan): boolean => d(a).lessThan(0);
export const isPositive = (a: Yuan): boolean => d(a).greaterThan(0);

/**
 * 万元 for display: the exact yuan amount ÷ 10000, rounded half-up to 2 decimals. Call it once
 * per printed cell, on the exact sum of that cell; never add rounded cells.
 */
export function toWanYuan(yuan: Yuan): string {
  return d(yuan).dividedBy(10000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Exact 万元 → 元 (e.g. a prior-year comparative printed as 1017.09万元 → "10170900.00"). */
export function fromWanYuan(wan: string): Yuan {
  if (typeof wan !== 'string' || !/^-?\d+(\.\d{1,6})?$/.test(wan)) {
    throw ruleError(
      'money.format',
      `${JSON.stringify(wan)} is not an exact 万元 amount (at most 6 decimals)`,
      { amount: String(wan) },
    );
  }
  return out(new Decimal(wan).times(10000));
}

/** Percentage a ÷ b × 100, 2 decimals half-up (增减率, 占比); null when b is zero. */
export function percent(part: Yuan, whole: Yuan): string | null {
  if (isZero(whole)) return null;
  return d(part)
    .dividedBy(d(whole))
    .times(100)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

/**
 * Splits `total` across `weights` in proportion, to the fen, with the largest-remainder method:
 * every share is floored to the fen, then the fen left over go one each to the shares with the
 * largest remainders (ties: earlier share first). The shares always sum to `total` exactly.
 */
export function splitLargestRemainder(total: Yuan, weights: readonly Yuan[]): Yuan[] {
  const weightSum = weights.reduce((acc, w) => acc.plus(d(w)), new Decimal(0));
  if (weights.length === 0 || !weightSum.greaterThan(0) || weights.some(isNegative)) {
    throw ruleError(
      'input.invalid',
      'a split needs at least one weight, none negative, with a positive sum',
    );
  }
  const fen = d(total).times(100);
  const exact = weights.map((w) => fen.times(d(w)).dividedBy(weightSum));
  const floors = exact.map((x) => x.floor());
  let leftover = fen.minus(floors.reduce((acc, x) => acc.plus(x), new Decimal(0))).toNumber();
  const order = exact
    .map((x, i) => ({ i, rem: x.minus(floors[i]!) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const shares = [...floors];
  for (const { i } of order) {
    if (leftover <= 0) break;
    shares[i] = shares[i]!.plus(1);
    leftover -= 1;
  }
  return shares.map((s) => out(s.dividedBy(100)));
}
