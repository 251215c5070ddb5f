import { InvalidArgumentError } from 'commander';
import {
  isDate,
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
