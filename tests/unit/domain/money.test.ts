/** Money: yuan with at most two decimals; 万元 only for display, rounded once per cell. */
import { Money } from '../../../src/domain';
import Decimal from 'decimal.js';
import fc from 'fast-check';

const ruleOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return (error as { details: { ruleId: string } }).details.ruleId;
  }
  return 'no error';
};

describe('amounts in yuan', () => {
  it('reads an amount with up to two decimals and writes it with exactly two', () => {
    expect(Money.parseYuan('753249.6')).toBe('753249.60');
    expect(Money.parseYuan('12')).toBe('12.00');
    expect(Money.parseYuan('-0.01')).toBe('-0.01');
  });

  it('refuses more than two decimals instead of rounding them away', () => {
    expect(ruleOf(() => Money.parseYuan('1.005'))).toBe('money.format');
  });

  it('refuses numbers, blanks, exponents and text', () => {
    for (const bad of [12.5, '', ' 1.00', '1e5', '1,000.00', 'abc', '1.', '.5', null])
      expect(ruleOf(() => Money.parseYuan(bad))).toBe('money.format');
  });

  it('refuses an allocation of zero or less', () => {
    expect(ruleOf(() => Money.parsePositiveYuan('0'))).toBe('money.positive');
    expect(ruleOf(() => Money.parsePositiveYuan('-5.00'))).toBe('money.positive');
    expect(Money.parseNonNegativeYuan('0')).toBe('0.00');
  });

  it('adds, subtracts and compares exactly, with no binary floating point', () => {
    expect(Money.add('0.10', '0.20')).toBe('0.30');
    expect(Money.sub('1.00', '0.99')).toBe('0.01');
    expect(Money.sum(['117312.34', '10271189.60', '497400.07'])).toBe('10885902.01');
    expect(Money.compare('2.00', '10.00')).toBe(-1);
    expect(Money.compare('10.00', '10')).toBe(0);
  });
});

describe('万元 for display', () => {
  it('divides the exact sum by 10,000 and rounds half up to two decimals', () => {
    expect(Money.toWanYuan('573420.00')).toBe('57.34');
    expect(Money.toWanYuan('753249.60')).toBe('75.32');
    expect(Money.toWanYuan('10271189.60')).toBe('1027.12');
    expect(Money.toWanYuan('50.00')).toBe('0.01');
    expect(Money.toWanYuan('49.99')).toBe('0.00');
  });

  it('rounds each cell once: a printed total need not equal the sum of printed rows', () => {
    const rows = ['1173149.50', '10271189.60', '497350.00'];
    const printedRows = rows.map(Money.toWanYuan);
    expect(printedRows).toEqual(['117.31', '1027.12', '49.74']);
    expect(Money.toWanYuan(Money.sum(rows))).toBe('1194.17');
    expect(Money.toWanYuan(Money.sum(['1173140.00', '10271189.60', '497350.00']))).toBe('1194.17');
  });

  it('converts an exact 万元 figure to yuan for prior-year comparatives', () => {
    expect(Money.fromWanYuan('1017.09')).toBe('10170900.00');
    // 比上年增加239.27万元，增长23.52% (seed narrative).
    expect(Money.percent('2392700.00', '10170900.00')).toBe('23.52');
  });
});

describe('splitting money (largest remainder)', () => {
  it('never creates or loses a fen', () => {
    const shares = Money.splitLargestRemainder('100.00', ['1', '1', '1']);
    expect(shares).toEqual(['33.34', '33.33', '33.33']);
    expect(Money.sum(shares)).toBe('100.00');
  });

  it('splits in proportion to the weights', () => {
    expect(Money.splitLargestRemainder('10.00', ['3.00', '1.00'])).toEqual(['7.50', '2.50']);
    expect(Money.splitLargestRemainder('0.05', ['1', '1'])).toEqual(['0.03', '0.02']);
  });

  it('refuses weights that cannot split anything', () => {
    expect(ruleOf(() => Money.splitLargestRemainder('1.00', []))).toBe('input.invalid');
    expect(ruleOf(() => Money.splitLargestRemainder('1.00', ['0']))).toBe('input.invalid');
  });
});

describe('canonical amounts without a Decimal', () => {
  // The reference: decimal.js, which parseYuan and add must match on their string fast paths.
  const viaDecimal = (s: string): string => new Decimal(s).toFixed(2);
  const yuanText = fc.stringMatching(/^-?\d{1,20}(\.\d{1,2})?$/);

  it('parseYuan writes every accepted amount exactly as decimal.js does (leading zeros, padding, -0)', () => {
    for (const s of ['0', '-0', '-0.00', '000.5', '-000.05', '0012', '10.1'])
      expect(Money.parseYuan(s)).toBe(viaDecimal(s));
    fc.assert(
      fc.property(yuanText, (s) => Money.parseYuan(s) === viaDecimal(s)),
      { numRuns: 2000 },
    );
  });

  it('adding to zero gives the decimal.js sum; positive and zero checks agree with decimal.js', () => {
    fc.assert(
      fc.property(yuanText, (s) => {
        expect(Money.add(Money.ZERO, s)).toBe(new Decimal('0.00').plus(s).toFixed(2));
        expect(ruleOf(() => Money.parsePositiveYuan(s)) === 'no error').toBe(
          new Decimal(s).greaterThan(0),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
