/**
 * The ledger's limits on what it accepts: amounts no larger than 100 万亿 yuan less a fen
 * (Money.MAX_YUAN) and dates that are days of the calendar. What passes these checks can be
 * stored and read back by every later query; what fails them is refused when it is submitted,
 * not when a later step writes it.
 */
import fc from 'fast-check';
import {
  decide,
  evolve,
  initialBudgetState,
  Money,
  ReferenceLists,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
} from '../../../src/domain';
import { isCalendarDate, isDateOrTimestamp } from '../../../src/domain/calendar';
import { refusedBy, specification } from './support/spec';
import { OFFICE, OFFICER, allocated, fundedYear, submitted, approved } from './support/fixtures';
import type { BudgetLineKey } from '../../../src/domain';

const given = specification<BudgetCommand, BudgetEvent, BudgetState>({
  decide: (c, s) => decide(c, s, ReferenceLists.shipped()),
  evolve,
  initialState: initialBudgetState,
});

const submit = (
  lines: [BudgetLineKey, string][],
  effectiveDate = '2024-06-01',
  submittedAt = '2024-05-20',
): BudgetCommand => ({
  type: 'SubmitAdjustment',
  data: {
    adjustmentId: 'adj-1',
    adjustmentType: 'increase',
    reason: '工作需要',
    documentNumber: '汾财预批（2024）12号',
    effectiveDate,
    submittedBy: OFFICER,
    submittedAt,
    lines: lines.map(([line, delta]) => ({ line, delta })),
  },
});

describe('the largest amount (金额上限)', () => {
  it('accepts an increase of exactly 99,999,999,999,999.99 yuan onto an empty line', () => {
    given(fundedYear().filter((e) => e.type !== 'InitialBudgetAllocated'))
      .when(submit([[OFFICE, Money.MAX_YUAN]]))
      .then([submitted('adj-1', 'increase', [[OFFICE, Money.MAX_YUAN]])]);
  });

  it('refuses an amount of 10^18 yuan, before anything is recorded', () => {
    given(fundedYear())
      .when(submit([[OFFICE, '1000000000000000000']]))
      .then(refusedBy('money.range', { amount: '1000000000000000000.00' }));
  });

  it('refuses an increase that would take a line beyond the largest amount', () => {
    given([...fundedYear(), allocated('alloc-2', [[OFFICE, '99999999999000.00']])])
      .when(submit([[OFFICE, '1000.00']]))
      .then(refusedBy('line.range', {}, 'POLICY_VIOLATION'));
  });

  it('refuses the approval of an increase another approval has since made too large', () => {
    const big = '99999999977800.00'; // with the year's 22,200.00: one fen under the limit + 0.01
    given([
      ...fundedYear(),
      submitted('adj-1', 'increase', [[OFFICE, big]]),
      submitted('adj-2', 'increase', [[OFFICE, '0.01']]),
      approved('adj-2', 'increase', [[OFFICE, '0.01']]),
    ])
      .when({
        type: 'ApproveAdjustment',
        data: { adjustmentId: 'adj-1', approvedBy: 'finance:li', approvedAt: '2024-05-28' },
      })
      .then(refusedBy('line.range', {}, 'POLICY_VIOLATION'));
  });

  it('property: every canonical amount parses exactly when its whole part has at most 14 digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (fen) => {
        const abs = fen < 0n ? -fen : fen;
        const text = `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        const ok = abs <= 9_999_999_999_999_999n;
        if (ok) expect(Money.parseYuan(text)).toBe(text === '-0.00' ? '0.00' : text);
        else expect(() => Money.parseYuan(text)).toThrow(/largest amount/);
      }),
    );
  });
});

describe('dates (日期)', () => {
  it.each([
    ['2024-02-30', 'a day February does not have'],
    ['2023-02-29', 'a leap day of a common year'],
    ['0000-01-01', 'year 0, which PostgreSQL does not have'],
    ['2024-13-01', 'a thirteenth month'],
    ['2024-06-30T10:00:00Z', 'a timestamp where a business date is expected'],
  ])('refuses the effective date %s (%s)', (effectiveDate) => {
    given(fundedYear())
      .when(submit([[OFFICE, '1000.00']], effectiveDate))
      .then(refusedBy('input.invalid', { field: 'effectiveDate' }));
  });

  it.each([['2024-06-30T24:00:00Z'], ['2024-06-31T10:00'], ['2024-06-30T10:00+15:00']])(
    'refuses the submission time %s',
    (submittedAt) => {
      given(fundedYear())
        .when(submit([[OFFICE, '1000.00']], '2024-06-01', submittedAt))
        .then(refusedBy('input.invalid', { field: 'submittedAt' }));
    },
  );

  it('accepts 2024-02-29 (a leap year) and a timestamp with an offset as the submission time', () => {
    given(fundedYear())
      .when(submit([[OFFICE, '1000.00']], '2024-02-29', '2024-05-20T09:30:00+08:00'))
      .then([
        {
          ...submitted('adj-1', 'increase', [[OFFICE, '1000.00']]),
          data: {
            ...(submitted('adj-1', 'increase', [[OFFICE, '1000.00']]).data as object),
            effectiveDate: '2024-02-29',
            submittedAt: '2024-05-20T09:30:00+08:00',
          },
        } as BudgetEvent,
      ]);
  });

  it('property: a date is a calendar date exactly when JavaScript’s UTC calendar round-trips it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const t = new Date(Date.UTC(y, m - 1, d));
          const roundTrips = m >= 1 && m <= 12 && d >= 1 && t.toISOString().slice(0, 10) === text;
          expect(isCalendarDate(text)).toBe(roundTrips);
          expect(isDateOrTimestamp(`${text}T12:00:00Z`)).toBe(roundTrips);
        },
      ),
    );
  });
});
