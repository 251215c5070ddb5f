import {
  Arg,
  Authorized,
  Ctx,
  Field,
  InputType,
  Mutation,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import type { AdjustmentType as DomainAdjustmentType } from '../../domain';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { BudgetCommandInput, runBudgetCommand } from './command';
import { LineDeltaEntryInput, toLineDeltas } from './line.input';
import {
  ApproveAdjustmentPayload,
  payloadOf,
  RejectAdjustmentPayload,
  SubmitAdjustmentPayload,
} from './payload';

/** GraphQL names for the domain's adjustment types (the values are the domain's). */
export enum AdjustmentType {
  INCREASE = 'increase',
  DECREASE = 'decrease',
  TRANSFER = 'transfer',
}
registerEnumType(AdjustmentType, {
  name: 'AdjustmentType',
  description:
    '追加 INCREASE (every delta > 0), 追减 DECREASE (every delta < 0), 调剂 TRANSFER (both signs, netting to zero).',
});

@InputType({
  description: 'A budget adjustment (预算调整) for review. It moves no money until approved.',
})
export class SubmitAdjustmentInput extends BudgetCommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'Your reference for it; generated when omitted (see the payload).',
  })
  adjustmentId?: string | null;
  @Field(() => AdjustmentType) adjustmentType!: AdjustmentType;
  @Field({ description: 'Why the budget must change (调整原因).' }) reason!: string;
  @Field({ description: 'The 文号 of the request, e.g. 汾财预批（2024）35号.' })
  documentNumber!: string;
  @Field(() => String, {
    nullable: true,
    description: 'ISO date from which the change is in force once approved; default today.',
  })
  effectiveDate?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date of submission; default today.' })
  submittedAt?: string | null;
  @Field(() => [LineDeltaEntryInput]) lines!: LineDeltaEntryInput[];
}

@InputType()
export class ApproveAdjustmentInput extends BudgetCommandInput {
  @Field() adjustmentId!: string;
  @Field(() => String, { nullable: true, description: 'ISO date of approval; default today.' })
  approvedAt?: string | null;
}

@InputType()
export class RejectAdjustmentInput extends BudgetCommandInput {
  @Field() adjustmentId!: string;
  @Field({ description: 'Why it is rejected (kept in the history).' }) reason!: string;
  @Field(() => String, { nullable: true, description: 'ISO date of rejection; default today.' })
  rejectedAt?: string | null;
}

/**
 * 预算调整: budget officers submit for their own units, finance reviewers approve or reject. Who
 * submitted or reviewed is the caller's token (viewer.actor), never a name the client sends; that
 * is what makes the segregation-of-duties rule (policy.reviewer-is-not-submitter) mean something.
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
          submittedBy: ctx.viewer.actor,
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
            approvedBy: ctx.viewer.actor,
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
            rejectedBy: ctx.viewer.actor,
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
