/**
 * Dates as the ledger stores them. PostgreSQL refuses what JavaScript's Date quietly rolls over
 * (2024-02-30 becomes 1 March) and has no year 0, so a date that got past a looser check was
 * stored in a command and then failed every later step that wrote it (an approval, forever).
 * This is the one test of "a real date" for every layer: domain, API, CLI and event store.
 */

/** The years a budget date may fall in: far wider than any budget, narrower than PostgreSQL. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|([+-])(\d{2}):(\d{2}))?$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DD naming a day of the calendar, in FIRST_YEAR..LAST_YEAR. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return (
    year >= FIRST_YEAR &&
    year <= LAST_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month)
  );
}

/** A calendar date, or that date with a time of day (hh:mm[:ss[.ffffff]]) and optional offset. */
export function isDateOrTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !isCalendarDate(value.slice(0, 10))) return false;
  if (value.length === 10) return true;
  const t = TIME.exec(value.slice(10));
  if (!t) return false;
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  const offsetOk = t[6] === undefined || (Number(t[7]) <= 14 && Number(t[8]) < 60);
  return hour < 24 && minute < 60 && second < 60 && offsetOk;
}
