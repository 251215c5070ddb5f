/**
 * GOLDEN: the seed's facts (data/seed/fenyang-2024/lines.json + the non-line facts) reproduce
 * every figure of the published 13 tables and every explanation figure the tables determine.
 */
import { checkDisclosure, type Disclosure } from '../../../src/domain/disclosure';
import { fenyangDisclosure } from './fenyang-fixture';
import { compareWithPublishedTables } from './golden-checks';

const disclosure: Disclosure = fenyangDisclosure();

describe('golden: the seed 汾阳市行政审批服务管理局 2024 from exact yuan lines', () => {
  it('reproduces every figure of the 13 tables (every row, every column, totals): zero mismatches', () => {
    const t = compareWithPublishedTables(disclosure);
    expect(t.mismatches).toEqual([]);
    expect(t.compared).toBeGreaterThan(700);
  });

  it('has no inconsistency in its consistency report (rounding differences only)', () => {
    const report = checkDisclosure(disclosure);
    expect(report.findings.filter((f) => f.kind === 'inconsistency')).toEqual([]);
    expect(report.rounding).toBeGreaterThan(0);
  });
});
