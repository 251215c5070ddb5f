import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { targetFormId, type TargetForm } from '../../domain';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { runBudgetCommand } from './command';
import { payloadOf } from './payload';
import { RevisePerformanceTargetsPayload } from './payloads/revise-performance-targets.payload';
import { SetPerformanceTargetsPayload } from './payloads/set-performance-targets.payload';
import { WithdrawPerformanceTargetsPayload } from './payloads/withdraw-performance-targets.payload';
import { RevisePerformanceTargetsInput } from './revise-performance-targets.input';
import { SetPerformanceTargetsInput } from './set-performance-targets.input';
import { TargetFormInput } from './target-form.input';
import { WithdrawPerformanceTargetsInput } from './withdraw-performance-targets.input';

function toForm(input: TargetFormInput): TargetForm {
  const details: Record<string, string | null> = {};
  for (const d of input.details ?? []) details[d.key] = d.value ?? null;
  const indicators = input.indicators.map((i) => ({
    level1: i.level1,
    level2: i.level2 ?? null,
    level3: i.level3 ?? null,
    value: i.value ?? null,
    annual: i.annual
      ? {
          level2: i.annual.level2 ?? null,
          level3: i.annual.level3 ?? null,
          value: i.annual.value ?? null,
        }
      : null,
  }));
  return { goal: input.goal ?? null, indicators, details };
}

/**
 * 绩效目标 are the unit's own statement of what its money buys: BUDGET_OFFICER of the unit, or ADMIN.
 */
@Resolver()
export class TargetMutations {
  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => SetPerformanceTargetsPayload, {
    description: 'Set a performance-target form (BUDGET_OFFICER of the unit, or ADMIN).',
  })
  async setPerformanceTargets(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: SetPerformanceTargetsInput,
  ): Promise<SetPerformanceTargetsPayload> {
    const scope = input.projectCode ? 'project' : 'unit';
    const { result } = await runBudgetCommand(ctx, input, {
      build: (d) => ({
        command: {
          type: 'SetPerformanceTargets',
          data: {
            scope,
            projectCode: input.projectCode ?? null,
            form: toForm(input.form),
            setBy: ctx.viewer.actor,
            setAt: d.date(input.setAt, 'setAt'),
          },
        },
      }),
    });
    return { ...payloadOf(result), formId: targetFormId(scope, input.projectCode) };
  }

  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => RevisePerformanceTargetsPayload, {
    description: 'Revise a form, with a reason (BUDGET_OFFICER of the unit, or ADMIN).',
  })
  async revisePerformanceTargets(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RevisePerformanceTargetsInput,
  ): Promise<RevisePerformanceTargetsPayload> {
    const { result } = await runBudgetCommand(ctx, input, {
      build: (d) => ({
        command: {
          type: 'RevisePerformanceTargets',
          data: {
            formId: input.formId,
            form: toForm(input.form),
            reason: input.reason,
            revisedBy: ctx.viewer.actor,
            revisedAt: d.date(input.revisedAt, 'revisedAt'),
          },
        },
        reason: input.reason,
      }),
    });
    return payloadOf(result);
  }

  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => WithdrawPerformanceTargetsPayload, {
    description: 'Withdraw a form, with a reason (BUDGET_OFFICER of the unit, or ADMIN).',
  })
  async withdrawPerformanceTargets(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: WithdrawPerformanceTargetsInput,
  ): Promise<WithdrawPerformanceTargetsPayload> {
    const { result } = await runBudgetCommand(ctx, input, {
      build: (d) => ({
        command: {
          type: 'WithdrawPerformanceTargets',
          data: {
            formId: input.formId,
            reason: input.reason,
            withdrawnBy: ctx.viewer.actor,
            withdrawnAt: d.date(input.withdrawnAt, 'withdrawnAt'),
          },
        },
        reason: input.reason,
      }),
    });
    return payloadOf(result);
  }
}
