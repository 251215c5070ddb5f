/** Exact conversions between printed figures and integer fen (no floating point). */
import { Money } from '../../domain';

/** "1256.36" (万元) → fen: 1万元 = 10,000元 = 1,000,000 fen. Up to 6 decimals. */
export function wanToFen(wan: string): number {
  return decimalToInt(wan, 6);
}

/** "753249.6" (元) → fen. Up to 2 decimals. */
export function yuanToFen(yuan: string): number {
  return decimalToInt(yuan, 2);
}

function decimalToInt(text: string, scale: number): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.replace(/,/g, '').trim());
  if (!m || (m[3]?.length ?? 0) > scale) throw new Error(`not an amount: ${JSON.stringify(text)}`);
  const v = Number(m[2]) * 10 ** scale + Number((m[3] ?? '').padEnd(scale, '0') || '0');
  if (!Number.isSafeInteger(v)) throw new Error(`amount out of range: ${text}`);
  return m[1] === '-' ? -v : v;
}

/** fen → "475361.00" (元, as the domain takes amounts). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * The printed 万元 interval of a figure, in fen: [P − 0.005万元, P + 0.005万元). An empty cell is exactly
 * 0.
 */
export function printedInterval(wan: string | null): { lo: number; hi: number } {
  if (wan === null) return { lo: 0, hi: 1 };
  const p = wanToFen(wan);
  return { lo: p - 5000, hi: p + 5000 };
}

/**
 * fen → 万元 as a table prints it: the one display-rounding rule of the project (Money.toWanYuan).
 */
export function fenToWan(fen: number): string {
  return Money.toWanYuan(fenToYuan(fen));
}
