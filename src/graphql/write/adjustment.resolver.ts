import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AdjustmentType as DomainAdjustmentType } from '../../domain';
import { personOf, Role } from '../auth';
import type { GraphQLContext } from '../context';
import { runBudgetCommand } from './command';
import { toLineDeltas } from './line.input';
import { payloadOf } from './payload';
import { ApproveAdjustmentPayload } from './payloads/approve-adjustment.payload';
import { RejectAdjustmentPayload } from './payloads/reject-adjustment.payload';
import { SubmitAdjustmentPayload } from './payloads/submit-adjustment.payload';
import { ApproveAdjustmentInput } from './approve-adjustment.input';
import { RejectAdjustmentInput } from './reject-adjustment.input';
import { SubmitAdjustmentInput } from './submit-adjustment.input';

/**
 * 预算调整: budget officers submit for their own units, finance reviewers approve or reject. Who
 * submitted or reviewed is the person the caller's token belongs to, never a name the client
 * sends, and the same whichever of their tokens they use: that is what makes the
 * segregation-of-duties rule (policy.reviewer-is-not-submitter) mean something.
 */
@Resolver()
export class AdjustmentMutations {
  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => SubmitAdjustmentPayload, {
    description: 'Submit a 追加 / 追减 / 调剂 for review (BUDGET_OFFICER of the unit, or ADMIN).',
  })
  async submitAdjustment(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: SubmitAdjustmentInput,
  ): Promise<SubmitAdjustmentPayload> {
    const { result, extra } = await runBudgetCommand(ctx, input, {
      build: (d) => {
        const adjustmentId = d.id(input.adjustmentId, 'adjustmentId', 'ADJ');
        const data = {
          adjustmentId,
          adjustmentType: input.adjustmentType as unknown as DomainAdjustmentType,
          reason: input.reason,
          documentNumber: input.documentNumber,
          effectiveDate: d.date(input.effectiveDate, 'effectiveDate'),
          submittedBy: personOf(ctx.viewer),
          submittedAt: d.date(input.submittedAt, 'submittedAt'),
          lines: toLineDeltas(input.lines, input.unitCode, input.fiscalYear),
        };
        return {
          command: { type: 'SubmitAdjustment', data },
          extra: { adjustmentId },
          documentRef: input.documentNumber,
          reason: input.reason,
        };
      },
    });
    return { ...payloadOf(result), ...extra };
  }

  @Authorized(Role.FINANCE_REVIEWER)
  @Mutation(() => ApproveAdjustmentPayload, {
    description:
      'Approve a submitted adjustment: the budget moves by its lines (FINANCE_REVIEWER or ADMIN; never its submitter).',
  })
  async approveAdjustment(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: ApproveAdjustmentInput,
  ): Promise<ApproveAdjustmentPayload> {
    const { result } = await runBudgetCommand(ctx, input, {
      officerScoped: false,
      build: (d) => ({
        command: {
          type: 'ApproveAdjustment',
          data: {
            adjustmentId: input.adjustmentId,
            approvedBy: personOf(ctx.viewer),
            approvedAt: d.date(input.approvedAt, 'approvedAt'),
          },
        },
      }),
    });
    return payloadOf(result);
  }

  @Authorized(Role.FINANCE_REVIEWER)
  @Mutation(() => RejectAdjustmentPayload, {
    description:
      'Reject a submitted adjustment with a reason (FINANCE_REVIEWER or ADMIN; never its submitter).',
  })
  async rejectAdjustment(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RejectAdjustmentInput,
  ): Promise<RejectAdjustmentPayload> {
    const { result } = await runBudgetCommand(ctx, input, {
      officerScoped: false,
      build: (d) => ({
        command: {
          type: 'RejectAdjustment',
          data: {
            adjustmentId: input.adjustmentId,
            rejectedBy: personOf(ctx.viewer),
            rejectedAt: d.date(input.rejectedAt, 'rejectedAt'),
            reason: input.reason,
          },
        },
        reason: input.reason,
      }),
    });
    return payloadOf(result);
  }
}
