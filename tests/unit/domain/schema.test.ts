/**
 * Event schema versions: what is stored at version 2 or 3 reads back as the event the domain
 * decided.
 */
import fc from 'fast-check';
import {
  EXPENDITURE_KINDS,
  FUND_SOURCES,
  lineId,
  ORIGINS,
  parseLineId,
  storedData,
  upcast,
  type BudgetLineKey,
  type LineDelta,
} from '../../../src/domain';

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
  // "-" is the lineId's own mark for "no project"; "%2D" is how lineId writes a project coded "-".
  projectCode: fc.option(
    fc.oneof(
      fc.constantFrom('-', '%2D', '%', '|', '--'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    ),
    { nil: null },
  ),
  origin: fc.constantFrom(...ORIGINS),
});
const lines = fc.array(
  fc
    .tuple(lineKey, fc.stringMatching(/^-?\d{1,12}\.\d{2}$/))
    .map(([line, delta]): LineDelta => ({ lineId: lineId(line), line, delta })),
  { minLength: 1, maxLength: 8 },
);

describe('line ids', () => {
  it('encode the whole line key: parseLineId(lineId(key)) is the key, for any project code', () => {
    fc.assert(
      fc.property(lineKey, (key) => expect(parseLineId(lineId(key))).toEqual(key)),
      { numRuns: 1000 },
    );
    const dash = {
      unitCode: 'U',
      fiscalYear: 2024,
      fundSource: 'general-public',
      functionalCode: '2010301',
      kind: 'project',
      deptEconCode: '30201',
      govEconCode: '50201',
      projectCode: '-',
      origin: 'current',
    } as const;
    expect(lineId(dash)).not.toBe(lineId({ ...dash, projectCode: null }));
    expect(parseLineId(lineId(dash)).projectCode).toBe('-');
  });
});

describe('line-changing events at schema version 3 (what decide writes)', () => {
  it('are stored as [lineId, delta] pairs and read back with their keys, equal to the event decided', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'InitialBudgetAllocated',
          'CarryOverRecorded',
          'AdjustmentSubmitted',
          'AdjustmentApproved',
        ),
        lines,
        (type, ls) => {
          const data = { allocationId: 'a', lines: ls };
          const stored = storedData(type, 3, data) as { lines: unknown[] };
          expect(stored.lines).toEqual(ls.map((l) => [l.lineId, l.delta]));
          expect(upcast(type, 3, JSON.parse(JSON.stringify(stored)))).toEqual(data);
        },
      ),
    );
  });

  it('read back as the same domain event as the same lines stored at version 2', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const data = { allocationId: 'a', lines: ls };
        const v2 = JSON.parse(JSON.stringify(storedData('InitialBudgetAllocated', 2, data)));
        const v3 = JSON.parse(JSON.stringify(storedData('InitialBudgetAllocated', 3, data)));
        expect(upcast('InitialBudgetAllocated', 3, v3)).toEqual(
          upcast('InitialBudgetAllocated', 2, v2),
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe('line-changing events at schema version 2', () => {
  it('are stored without the line keys and read back with them, equal to the event decided', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'InitialBudgetAllocated',
          'CarryOverRecorded',
          'AdjustmentSubmitted',
          'AdjustmentApproved',
        ),
        lines,
        (type, ls) => {
          const data = { allocationId: 'a', lines: ls };
          const stored = storedData(type, 2, data) as { lines: object[] };
          expect(stored.lines.every((l) => Object.keys(l).sort().join() === 'delta,lineId')).toBe(
            true,
          );
          expect(upcast(type, 2, JSON.parse(JSON.stringify(stored)))).toEqual(data);
        },
      ),
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

describe('DisclosurePublished', () => {
  const v1 = {
    disclosureId: 'd',
    publishedAt: '2024-05-08',
    ledgerPosition: '70',
    digest: 'a'.repeat(64),
    title: null,
    layout: null,
  };
  it('a version 1 publication (before the gate) reads with acknowledgedWarnings null', () => {
    expect(upcast('DisclosurePublished', 1, v1)).toEqual({ ...v1, acknowledgedWarnings: null });
  });
  it('version 2 is stored and read as decided', () => {
    const v2 = { ...v1, acknowledgedWarnings: [] };
    expect(storedData('DisclosurePublished', 2, v2)).toEqual(v2);
    expect(upcast('DisclosurePublished', 2, v2)).toEqual(v2);
  });
});
