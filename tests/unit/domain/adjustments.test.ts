/**
 * 预算调整 — 追加, 追减, 调剂 — and their review by the finance bureau.
 * Only an approved adjustment changes the budget.
 */
import {
  ReferenceLists,
  decide,
  evolve,
  initialBudgetState,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
} from '../../../src/domain';
import { refusedBy, specification } from './support/spec';
import {
  FINANCE,
  HALL_SERVICES,
  HALL_TRAINING,
  OFFICE,
  OFFICER,
  TRAVEL,
  WAGES,
  approved,
  fundedYear,
  submitted,
} from './support/fixtures';
import type { BudgetLineKey } from '../../../src/domain';

/** The shipped reference lists: these specifications adopt no codes. */
const SHIPPED = ReferenceLists.shipped();

const given = specification<BudgetCommand, BudgetEvent, BudgetState>({
  decide: (c, s) => decide(c, s, SHIPPED),
  evolve,
  initialState: initialBudgetState,
});

const submit = (
  adjustmentId: string,
  adjustmentType: 'increase' | 'decrease' | 'transfer',
  lines: [BudgetLineKey, string][],
  submittedBy = OFFICER,
): BudgetCommand => ({
  type: 'SubmitAdjustment',
  data: {
    adjustmentId,
    adjustmentType,
    reason: '工作需要',
    documentNumber: '汾财预批（2024）12号',
    effectiveDate: '2024-06-01',
    submittedBy,
    submittedAt: '2024-05-20',
    lines: lines.map(([line, delta]) => ({ line, delta })),
  },
});
const approve = (adjustmentId: string, approvedBy = FINANCE): BudgetCommand => ({
  type: 'ApproveAdjustment',
  data: { adjustmentId, approvedBy, approvedAt: '2024-05-28' },
});
const reject = (adjustmentId: string, rejectedBy = FINANCE): BudgetCommand => ({
  type: 'RejectAdjustment',
  data: { adjustmentId, rejectedBy, rejectedAt: '2024-05-28', reason: '依据不足' },
});

describe('submitting an adjustment (提交预算调整)', () => {
  it('records a 追加 as submitted, with its 文号, reason and effective date, and changes no line', () => {
    given(fundedYear())
      .when(submit('adj-1', 'increase', [[OFFICE, '1000.00']]))
      .then([submitted('adj-1', 'increase', [[OFFICE, '1000.00']])]);
  });

  it('records a 追减 with negative changes', () => {
    given(fundedYear())
      .when(submit('adj-1', 'decrease', [[OFFICE, '-200.50']]))
      .then([submitted('adj-1', 'decrease', [[OFFICE, '-200.50']])]);
  });

  it('records a 调剂 between two 公用经费 lines, one given and one taken', () => {
    given(fundedYear())
      .when(
        submit('adj-1', 'transfer', [
          [OFFICE, '-2000.00'],
          [TRAVEL, '2000.00'],
        ]),
      )
      .then([
        submitted('adj-1', 'transfer', [
          [OFFICE, '-2000.00'],
          [TRAVEL, '2000.00'],
        ]),
      ]);
  });

  it('records a 调剂 between two lines of the same project', () => {
    given(fundedYear())
      .when(
        submit('adj-1', 'transfer', [
          [HALL_SERVICES, '-5000'],
          [HALL_TRAINING, '5000'],
        ]),
      )
      .then([
        submitted('adj-1', 'transfer', [
          [HALL_SERVICES, '-5000.00'],
          [HALL_TRAINING, '5000.00'],
        ]),
      ]);
  });

  it('refuses a 调剂 whose lines do not net to zero', () => {
    given(fundedYear())
      .when(
        submit('adj-1', 'transfer', [
          [OFFICE, '-2000.00'],
          [TRAVEL, '1999.99'],
        ]),
      )
      .then(refusedBy('transfer.balanced', { net: '-0.01' }, 'POLICY_VIOLATION'));
  });

  it('refuses a 调剂 between basic money (公用经费) and project money', () => {
    given(fundedYear())
      .when(
        submit('adj-1', 'transfer', [
          [OFFICE, '-2000.00'],
          [HALL_SERVICES, '2000.00'],
        ]),
      )
      .then(
        refusedBy(
          'policy.no-basic-project-transfer',
          { lineId: expect.stringContaining('|project|') as unknown },
          'POLICY_VIOLATION',
        ),
      );
  });

  it('refuses a 调剂 from project money into 人员经费', () => {
    given(fundedYear())
      .when(
        submit('adj-1', 'transfer', [
          [HALL_SERVICES, '-100.00'],
          [WAGES, '100.00'],
        ]),
      )
      .then(refusedBy('policy.no-basic-project-transfer'));
  });

  // 三公 (policy.sangong-decrease-only): tests/unit/domain/sangong.spec.test.ts.

  it('refuses a 追减 that would take a line below zero, naming the line', () => {
    given(fundedYear())
      .when(submit('adj-1', 'decrease', [[OFFICE, '-22200.01']]))
      .then(
        refusedBy(
          'line.non-negative',
          { lineId: expect.stringContaining('|30201|') as unknown, balance: '22200.00' },
          'POLICY_VIOLATION',
        ),
      );
  });

  it('refuses a 追加 with a negative change, and a 追减 with a positive one', () => {
    given(fundedYear())
      .when(submit('adj-1', 'increase', [[OFFICE, '-1.00']]))
      .then(refusedBy('adjustment.direction'));
    given(fundedYear())
      .when(submit('adj-1', 'decrease', [[OFFICE, '1.00']]))
      .then(refusedBy('adjustment.direction'));
  });

  it('refuses a change of zero, or with more than two decimals', () => {
    given(fundedYear())
      .when(submit('adj-1', 'increase', [[OFFICE, '0.00']]))
      .then(refusedBy('money.positive', {}, 'BAD_USER_INPUT'));
    given(fundedYear())
      .when(submit('adj-1', 'increase', [[OFFICE, '1.005']]))
      .then(refusedBy('money.format', {}, 'BAD_USER_INPUT'));
  });

  it('refuses an adjustment without a 文号 or a reason', () => {
    const command = submit('adj-1', 'increase', [[OFFICE, '1.00']]);
    given(fundedYear())
      .when({ ...command, data: { ...command.data, documentNumber: '' } } as BudgetCommand)
      .then(refusedBy('input.invalid', { field: 'documentNumber' }));
    given(fundedYear())
      .when({ ...command, data: { ...command.data, reason: ' ' } } as BudgetCommand)
      .then(refusedBy('input.invalid', { field: 'reason' }));
  });

  it('refuses a second adjustment with the same id', () => {
    given([...fundedYear(), submitted('adj-1', 'increase', [[OFFICE, '1.00']])])
      .when(submit('adj-1', 'increase', [[OFFICE, '1.00']]))
      .then(refusedBy('record.duplicate-id'));
  });
});

describe('reviewing an adjustment (审批)', () => {
  const pending = (): BudgetEvent[] => [
    ...fundedYear(),
    submitted('adj-1', 'transfer', [
      [OFFICE, '-2000.00'],
      [TRAVEL, '2000.00'],
    ]),
  ];

  it('approval carries the per-line changes the budget moves by', () => {
    given(pending())
      .when(approve('adj-1'))
      .then([
        approved('adj-1', 'transfer', [
          [OFFICE, '-2000.00'],
          [TRAVEL, '2000.00'],
        ]),
      ]);
  });

  it('an approved transfer moves the money; the total is unchanged', () => {
    const state = [
      ...pending(),
      approved('adj-1', 'transfer', [
        [OFFICE, '-2000.00'],
        [TRAVEL, '2000.00'],
      ]),
    ].reduce(evolve, initialBudgetState());
    expect(
      Object.values(state.lines)
        .map((l) => l.amount)
        .sort(),
    ).toEqual(['2000.00', '20200.00', '3950600.00', '475400.00', '50000.00']);
  });

  it('a submitted adjustment changes nothing until approved, and a rejected one never does', () => {
    const before = fundedYear().reduce(evolve, initialBudgetState());
    const rejectedEvent: BudgetEvent = {
      type: 'AdjustmentRejected',
      schemaVersion: 1,
      data: {
        adjustmentId: 'adj-1',
        rejectedBy: FINANCE,
        rejectedAt: '2024-05-28',
        reason: '依据不足',
      },
    };
    const after = [...pending(), rejectedEvent].reduce(evolve, initialBudgetState());
    expect(after.lines).toEqual(before.lines);
  });

  it('rejection records who rejected it and why', () => {
    given(pending())
      .when(reject('adj-1'))
      .then([
        {
          type: 'AdjustmentRejected',
          schemaVersion: 1,
          data: {
            adjustmentId: 'adj-1',
            rejectedBy: FINANCE,
            rejectedAt: '2024-05-28',
            reason: '依据不足',
          },
        },
      ]);
  });

  it('the submitter may not approve their own adjustment', () => {
    given(pending())
      .when(approve('adj-1', OFFICER))
      .then(
        refusedBy(
          'policy.reviewer-is-not-submitter',
          { adjustmentId: 'adj-1' },
          'POLICY_VIOLATION',
        ),
      );
  });

  it('the submitter may not reject their own adjustment', () => {
    given(pending())
      .when(reject('adj-1', OFFICER))
      .then(refusedBy('policy.reviewer-is-not-submitter'));
  });

  describe('separation of duties is by person, whichever token they use', () => {
    const TRANSFER: [BudgetLineKey, string][] = [
      [OFFICE, '-2000.00'],
      [TRAVEL, '2000.00'],
    ];

    it('one person, submitting with an officer token and approving with a reviewer token, is refused', () => {
      given([...fundedYear(), submitted('adj-2', 'transfer', TRANSFER, 'li.kuaiji')])
        .when(approve('adj-2', 'li.kuaiji'))
        .then(refusedBy('policy.reviewer-is-not-submitter', { adjustmentId: 'adj-2' }));
    });

    it('an adjustment submitted before persons existed, as "budget_officer:<label>", is not reviewed by the person of that label', () => {
      given([...fundedYear(), submitted('adj-3', 'transfer', TRANSFER, 'budget_officer:李会计')])
        .when(reject('adj-3', '李会计'))
        .then(refusedBy('policy.reviewer-is-not-submitter', { adjustmentId: 'adj-3' }));
    });

    it('another person approves it', () => {
      given([...fundedYear(), submitted('adj-4', 'transfer', TRANSFER, 'li.kuaiji')])
        .when(approve('adj-4', 'zhang.shenpi'))
        .thenEvents((events) => expect(events.map((e) => e.type)).toEqual(['AdjustmentApproved']));
    });
  });

  it('an adjustment is approved at most once', () => {
    given([
      ...pending(),
      approved('adj-1', 'transfer', [
        [OFFICE, '-2000.00'],
        [TRAVEL, '2000.00'],
      ]),
    ])
      .when(approve('adj-1'))
      .then(refusedBy('adjustment.already-reviewed', { status: 'approved' }, 'POLICY_VIOLATION'));
  });

  it('a rejected adjustment cannot be approved, nor rejected again', () => {
    const rejectedEvent: BudgetEvent = {
      type: 'AdjustmentRejected',
      schemaVersion: 1,
      data: {
        adjustmentId: 'adj-1',
        rejectedBy: FINANCE,
        rejectedAt: '2024-05-28',
        reason: '依据不足',
      },
    };
    given([...pending(), rejectedEvent])
      .when(approve('adj-1'))
      .then(refusedBy('adjustment.already-reviewed', { status: 'rejected' }));
    given([...pending(), rejectedEvent])
      .when(reject('adj-1'))
      .then(refusedBy('adjustment.already-reviewed'));
  });

  it('an unknown adjustment cannot be reviewed', () => {
    given(fundedYear())
      .when(approve('adj-404'))
      .then(refusedBy('adjustment.unknown', {}, 'NOT_FOUND'));
  });

  it('approval is refused if, by then, it would take a line below zero', () => {
    const twoCuts = [
      ...fundedYear(),
      submitted('a', 'decrease', [[OFFICE, '-20000.00']]),
      submitted('b', 'decrease', [[OFFICE, '-20000.00']]),
      approved('a', 'decrease', [[OFFICE, '-20000.00']]),
    ];
    given(twoCuts)
      .when(approve('b'))
      .then(refusedBy('line.non-negative', { balance: '2200.00' }));
  });
});
