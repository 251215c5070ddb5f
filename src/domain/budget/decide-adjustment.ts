/**
 * 预算调整: submit (追加 / 追减 / 调剂), approve, reject. Submitting changes no amount; only the
 * approval carries the deltas the budget moves by. Every check that depends on balances is made
 * again at approval, because other adjustments may have been approved in between.
 */
import * as Money from '../money';
import { enforcePolicy } from '../policy/engine';
import { ruleError } from '../rules/errors';
import type { ApproveAdjustment, RejectAdjustment, SubmitAdjustment } from './commands';
import type {
  AdjustmentApproved,
  AdjustmentRejected,
  AdjustmentSubmitted,
  AdjustmentType,
} from './events';
import type { LineDelta } from './line';
import type { AdjustmentRecord } from './state';
import {
  parseLineEntries,
  requireCalendarDate,
  requireDate,
  requireBalancesInRange,
  requireText,
  type DecideContext,
} from './validate';

const TYPES: readonly AdjustmentType[] = ['increase', 'decrease', 'transfer'];

/** 追加 only raises, 追减 only lowers, 调剂 does both and nets to zero. */
function requireShape(type: AdjustmentType, deltas: readonly LineDelta[]): void {
  const wrong = deltas.find(
    (d) =>
      (type === 'increase' && Money.isNegative(d.delta)) ||
      (type === 'decrease' && Money.isPositive(d.delta)),
  );
  if (wrong)
    throw ruleError(
      'adjustment.direction',
      `a ${type} cannot change line ${wrong.lineId} by ${wrong.delta}`,
      { lineId: wrong.lineId, delta: wrong.delta },
    );
  if (type !== 'transfer') return;
  const net = Money.sum(deltas.map((d) => d.delta));
  if (!Money.isZero(net)) {
    const last = deltas[deltas.length - 1]!;
    throw ruleError('transfer.balanced', `the lines net to ${net}, not 0`, {
      lineId: last.lineId,
      net,
    });
  }
  if (
    !deltas.some((d) => Money.isNegative(d.delta)) ||
    !deltas.some((d) => Money.isPositive(d.delta))
  ) {
    throw ruleError(
      'adjustment.direction',
      'a transfer takes from at least one line and gives to at least one',
      { lineId: deltas[0]!.lineId },
    );
  }
}

function requireChecks(
  type: AdjustmentType,
  deltas: readonly LineDelta[],
  ctx: DecideContext,
): void {
  requireShape(type, deltas);
  enforcePolicy(ctx.reference.data.policy, {
    stage: 'adjustment',
    adjustmentType: type,
    lines: deltas,
  });
  requireBalancesInRange(ctx.state, deltas);
}

export function submitAdjustment(
  command: SubmitAdjustment,
  ctx: DecideContext,
): AdjustmentSubmitted[] {
  const d = command.data;
  const adjustmentId = requireText(d.adjustmentId, 'adjustmentId');
  if (ctx.state.adjustments[adjustmentId])
    throw ruleError('record.duplicate-id', `adjustment ${adjustmentId} already exists`, {
      adjustmentId,
    });
  if (!TYPES.includes(d.adjustmentType))
    throw ruleError('input.invalid', `adjustmentType must be one of ${TYPES.join(', ')}`, {
      field: 'adjustmentType',
    });
  const lines = parseLineEntries(d.lines, { kind: 'delta' }, ctx);
  requireChecks(d.adjustmentType, lines, ctx);
  const data = {
    adjustmentId,
    adjustmentType: d.adjustmentType,
    reason: requireText(d.reason, 'reason'),
    documentNumber: requireText(d.documentNumber, 'documentNumber'),
    effectiveDate: requireCalendarDate(d.effectiveDate, 'effectiveDate'),
    submittedBy: requireText(d.submittedBy, 'submittedBy'),
    submittedAt: requireDate(d.submittedAt, 'submittedAt'),
    lines,
  };
  return [{ type: 'AdjustmentSubmitted', schemaVersion: 3, data }];
}

/**
 * The pending adjustment a review is about; reviewing it twice, or by its submitter, is refused.
 */
function pendingForReview(
  adjustmentId: string,
  reviewer: string,
  ctx: DecideContext,
): AdjustmentRecord {
  const record = ctx.state.adjustments[adjustmentId];
  if (!record)
    throw ruleError('adjustment.unknown', `no adjustment ${adjustmentId}`, { adjustmentId });
  if (record.status !== 'submitted') {
    throw ruleError(
      'adjustment.already-reviewed',
      `adjustment ${adjustmentId} was already ${record.status} by ${record.reviewedBy ?? '?'}`,
      { adjustmentId, status: record.status },
    );
  }
  enforcePolicy(ctx.reference.data.policy, {
    stage: 'review',
    submittedBy: record.submittedBy,
    reviewer,
    adjustmentId,
  });
  return record;
}

export function approveAdjustment(
  command: ApproveAdjustment,
  ctx: DecideContext,
): AdjustmentApproved[] {
  const approvedBy = requireText(command.data.approvedBy, 'approvedBy');
  const approvedAt = requireDate(command.data.approvedAt, 'approvedAt');
  const record = pendingForReview(
    requireText(command.data.adjustmentId, 'adjustmentId'),
    approvedBy,
    ctx,
  );
  requireChecks(record.adjustmentType, record.lines, ctx);
  const { adjustmentId, adjustmentType, documentNumber, effectiveDate, lines } = record;
  return [
    {
      type: 'AdjustmentApproved',
      schemaVersion: 3,
      data: {
        adjustmentId,
        adjustmentType,
        documentNumber,
        effectiveDate,
        approvedBy,
        approvedAt,
        lines,
      },
    },
  ];
}

export function rejectAdjustment(
  command: RejectAdjustment,
  ctx: DecideContext,
): AdjustmentRejected[] {
  const rejectedBy = requireText(command.data.rejectedBy, 'rejectedBy');
  const record = pendingForReview(
    requireText(command.data.adjustmentId, 'adjustmentId'),
    rejectedBy,
    ctx,
  );
  const data = {
    adjustmentId: record.adjustmentId,
    rejectedBy,
    rejectedAt: requireDate(command.data.rejectedAt, 'rejectedAt'),
    reason: requireText(command.data.reason, 'reason'),
  };
  return [{ type: 'AdjustmentRejected', schemaVersion: 1, data }];
}
