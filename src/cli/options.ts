/**
 * Parsers of the CLI's option values (commander's argParser): each kind of value is checked in one
 * place, so a command's flag and another's same flag refuse the same input with the same message.
 */
import { InvalidArgumentError } from 'commander';
import { isCalendarDate, isDateOrTimestamp } from '../domain/calendar';

const YEAR = /^\d{4}$/;
const POSITION = /^\d+$/;

/** --year: a fiscal year, e.g. 2024. */
export function parseYear(raw: string): number {
  if (!YEAR.test(raw)) throw new InvalidArgumentError('a year, e.g. 2024');
  return Number(raw);
}

/** Whether `raw` is a business date, YYYY-MM-DD, that the calendar has. */
export const isDate = (raw: string): boolean => isCalendarDate(raw);

/** A business date, YYYY-MM-DD. */
export function parseDate(raw: string): string {
  if (!isDate(raw)) throw new InvalidArgumentError('YYYY-MM-DD');
  return raw;
}

/** Whether `raw` is a global position of the log (digits only). */
export const isPosition = (raw: string): boolean => POSITION.test(raw);

/** A global position of the log. */
export function parsePosition(raw: string): bigint {
  if (!isPosition(raw)) throw new InvalidArgumentError('a position is a whole number');
  return BigInt(raw);
}

/** A parser accepting one of `values`; the error names them all. */
export function oneOf<T extends string>(values: readonly T[], message?: string) {
  return (raw: string): T => {
    if (!(values as readonly string[]).includes(raw))
      throw new InvalidArgumentError(message ?? values.join(', '));
    return raw as T;
  };
}

/**
 * --expires: a date (the token works through the end of that day, China Standard Time, UTC+8)
 * or an ISO timestamp with its offset; it must lie in the future.
 */
export function parseExpiry(raw: string, now: Date = new Date()): Date {
  const zoned = /(Z|[+-]\d{2}:\d{2})$/.test(raw);
  if (!isDateOrTimestamp(raw) || (raw.length > 10 && !zoned))
    throw new InvalidArgumentError('YYYY-MM-DD, or an ISO timestamp with its offset');
  const at = new Date(raw.length === 10 ? `${raw}T23:59:59.999+08:00` : raw);
  if (at.getTime() <= now.getTime()) throw new InvalidArgumentError('an expiry in the future');
  return at;
}
