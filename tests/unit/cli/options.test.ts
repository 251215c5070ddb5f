import { InvalidArgumentError } from 'commander';
import {
  isDate,
  parseExpiry,
  isPosition,
  oneOf,
  parseDate,
  parsePosition,
  parseYear,
} from '../../../src/cli/options';

describe('CLI option parsers', () => {
  test('--year takes four digits and gives a number', () => {
    expect(parseYear('2024')).toBe(2024);
    for (const bad of ['24', '20245', '2024 ', 'year', ''])
      expect(() => parseYear(bad)).toThrow(new InvalidArgumentError('a year, e.g. 2024'));
  });

  test('a business date is YYYY-MM-DD, kept as text', () => {
    expect(parseDate('2024-01-30')).toBe('2024-01-30');
    expect(isDate('2024-01-30')).toBe(true);
    for (const bad of ['2024-1-30', '2024-01-30T00:00', '20240130', '', '2024-02-30', '0000-01-01'])
      expect(() => parseDate(bad)).toThrow(new InvalidArgumentError('YYYY-MM-DD'));
  });

  test('a position is a whole number, as a bigint beyond 2^53', () => {
    expect(parsePosition('9007199254740993')).toBe(9007199254740993n);
    expect(isPosition('0')).toBe(true);
    for (const bad of ['-1', '1.5', '1e3', 'head', ''])
      expect(() => parsePosition(bad)).toThrow(/whole number/);
  });

  test('oneOf accepts the listed values only and names them (or says its own message)', () => {
    const format = oneOf(['csv', 'json'] as const);
    expect(format('json')).toBe('json');
    expect(() => format('xml')).toThrow(new InvalidArgumentError('csv, json'));
    expect(() => oneOf(['a', 'b'], 'a or b')('c')).toThrow(new InvalidArgumentError('a or b'));
  });
});

test('a token expiry is a future date (through its end, UTC+8) or a zoned timestamp', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  expect(parseExpiry('2026-12-31', now).toISOString()).toBe('2026-12-31T15:59:59.999Z');
  expect(parseExpiry('2027-01-01T08:00:00+08:00', now).toISOString()).toBe(
    '2027-01-01T00:00:00.000Z',
  );
  for (const bad of ['2026-12-01', '2027-02-30', '2027-01-01T08:00:00', 'tomorrow'])
    expect(() => parseExpiry(bad, now)).toThrow(InvalidArgumentError);
});
