import fc from 'fast-check';
import { fitMargins, largestRemainder } from '../../../src/import/disclosure/fit';
import {
  fenToWan,
  fenToYuan,
  printedInterval,
  wanToFen,
  yuanToFen,
} from '../../../src/import/disclosure/money';
import { repairIntervals } from '../../../src/import/disclosure/repair';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * A matrix whose margins are the test's input: the structure is where the matrix is non-zero, plus
 * random extra cells.
 */
const instance = fc
  .record({ m: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 1, max: 6 }) })
  .chain(({ m, n }) =>
    fc.record({
      hidden: fc.array(
        fc.array(fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null, freq: 3 }), {
          minLength: n,
          maxLength: n,
        }),
        { minLength: m, maxLength: m },
      ),
      extra: fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), {
        minLength: m,
        maxLength: m,
      }),
    }),
  );

describe('fitMargins', () => {
  test('reproduces row and column sums exactly, with no negative cell and nothing outside the structure', () => {
    fc.assert(
      fc.property(instance, ({ hidden, extra }) => {
        const rows = hidden.map((r) => sum(r.map((c) => c ?? 0)));
        const cols = hidden[0]!.map((_, j) => sum(hidden.map((r) => r[j] ?? 0)));
        const allowed = hidden.map((r, i) => r.map((c, j) => c !== null || extra[i]![j]!));
        const { cells } = fitMargins(rows, cols, allowed);
        expect(cells.map(sum)).toEqual(rows);
        expect(cols.map((_, j) => sum(cells.map((r) => r[j]!)))).toEqual(cols);
        cells.forEach((r, i) =>
          r.forEach(
            (c, j) => (expect(c).toBeGreaterThanOrEqual(0), allowed[i]![j] || expect(c).toBe(0)),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('with every cell allowed it is the north-west corner', () => {
    const { cells } = fitMargins(
      [5, 7],
      [3, 9],
      [
        [true, true],
        [true, true],
      ],
    );
    expect(cells).toEqual([
      [3, 2],
      [0, 7],
    ]);
  });

  test('augmenting paths find a fit the greedy pass misses', () => {
    // Greedy puts row 0 on column 0, leaving row 1 (only column 0 allowed) nowhere.
    const { cells } = fitMargins(
      [4, 4],
      [4, 4],
      [
        [true, true],
        [true, false],
      ],
    );
    expect(cells).toEqual([
      [0, 4],
      [4, 0],
    ]);
  });

  test('refuses unequal totals and structures that admit no fit', () => {
    expect(() => fitMargins([1], [2], [[true]])).toThrow(/≠/);
    expect(() =>
      fitMargins(
        [1, 1],
        [2, 0],
        [
          [true, false],
          [false, true],
        ],
      ),
    ).toThrow(/no fit/);
  });
});

describe('largestRemainder', () => {
  test('parts sum to the total exactly, in whole units, and none is negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 100_000 }),
        (weights, units) => {
          const parts = largestRemainder(weights, units * 100, 100);
          expect(sum(parts)).toBe(units * 100);
          parts.forEach((p) => (expect(p % 100).toBe(0), expect(p).toBeGreaterThanOrEqual(0)));
        },
      ),
    );
  });
  test('the remainder goes to the largest fractions', () => {
    expect(largestRemainder([1, 1, 1], 100)).toEqual([34, 33, 33]);
  });
});

describe('repairIntervals', () => {
  test('moves a fitted point into every printed interval (the seed’s 20805 case)', () => {
    // 2080505's two rows print 13.37 and 6.76 but the 项 prints 20.14; 20805 prints 30.95 over it,
    // 2080506 (10.07) and 2080501 (0.75).
    const printed = ['13.37', '6.76', '10.07', '0.75'].map(wanToFen);
    const c = (label: string, members: number[], wan: string) => ({
      label,
      members,
      fixed: 0,
      ...printedInterval(wan),
    });
    const constraints = [
      c('a', [0], '13.37'),
      c('b', [1], '6.76'),
      c('c', [2], '10.07'),
      c('d', [3], '0.75'),
      c('2080505', [0, 1], '20.14'),
      c('20805', [0, 1, 2, 3], '30.95'),
    ];
    const r = repairIntervals(printed, constraints, { unit: 100, margin: 1000 });
    expect(r.violated).toEqual([]);
    expect(fenToWan(r.values[0]! + r.values[1]!)).toBe('20.14');
    expect(fenToWan(sum(r.values))).toBe('30.95');
    r.values.forEach((v) => expect(v % 100).toBe(0));
  });
});

describe('money', () => {
  test('exact conversions', () => {
    expect(wanToFen('1256.36')).toBe(1_256_360_000);
    expect(yuanToFen('753249.6')).toBe(75_324_960);
    expect(fenToYuan(75_324_960)).toBe('753249.60');
    expect(fenToWan(75_324_960)).toBe('75.32');
    expect(fenToWan(1_194_165_000 - 1)).toBe('1194.16');
    expect(printedInterval(null)).toEqual({ lo: 0, hi: 1 });
  });
});
