/** Event schema versions: what is stored at version 2 reads back as the event the domain decided. */
import fc from 'fast-check';
import { EXPENDITURE_KINDS, FUND_SOURCES, lineId, ORIGINS, storedData, upcast, type BudgetLineKey, type LineDelta } from '../../../src/domain';

const code = (digits: number) => fc.stringMatching(new RegExp(`^\\d{${digits}}$`));
const lineKey: fc.Arbitrary<BudgetLineKey> = fc.record({
  unitCode: fc.stringMatching(/^[0-9A-Z]{1,8}$/),
  fiscalYear: fc.integer({ min: 2000, max: 2100 }),
  fundSource: fc.constantFrom(...FUND_SOURCES),
  functionalCode: code(7),
  kind: fc.constantFrom(...EXPENDITURE_KINDS),
  deptEconCode: code(5),
  govEconCode: code(5),
  // Free text: any well-formed Unicode, including the lineId's own separator and escapes.
  projectCode: fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { nil: null }),
  origin: fc.constantFrom(...ORIGINS),
});
const lines = fc.array(
  fc.tuple(lineKey, fc.stringMatching(/^-?\d{1,12}\.\d{2}$/)).map(([line, delta]): LineDelta => ({ lineId: lineId(line), line, delta })),
  { minLength: 1, maxLength: 8 },
);

describe('line-changing events at schema version 2', () => {
  it('are stored without the line keys and read back with them, equal to the event decided', () => {
    fc.assert(
      fc.property(fc.constantFrom('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentSubmitted', 'AdjustmentApproved'), lines, (type, ls) => {
        const data = { allocationId: 'a', lines: ls };
        const stored = storedData(type, 2, data) as { lines: object[] };
        expect(stored.lines.every((l) => Object.keys(l).sort().join() === 'delta,lineId')).toBe(true);
        expect(upcast(type, 2, JSON.parse(JSON.stringify(stored)))).toEqual(data);
      }),
    );
  });

  it('leave version 1 events and other event types as they are', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const data = { allocationId: 'a', lines: ls };
        expect(upcast('InitialBudgetAllocated', 1, data)).toBe(data);
        expect(storedData('InitialBudgetAllocated', 1, data)).toBe(data);
        expect(storedData('FiscalYearClosed', 2, data)).toBe(data);
      }),
      { numRuns: 20 },
    );
  });
});
