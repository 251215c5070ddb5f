import { Arg, Authorized, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { targetFormId, type TargetForm } from '../../domain';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { BudgetCommandInput, runBudgetCommand } from './command';
import {
  payloadOf,
  RevisePerformanceTargetsPayload,
  SetPerformanceTargetsPayload,
  WithdrawPerformanceTargetsPayload,
} from './payload';

@InputType({
  description: 'The annual-target side of a project indicator, when it differs in print.',
})
export class AnnualTargetInput {
  @Field(() => String, { nullable: true }) level2?: string | null;
  @Field(() => String, { nullable: true }) level3?: string | null;
  @Field(() => String, { nullable: true }) value?: string | null;
}

@InputType({ description: 'One 绩效指标.' })
export class TargetIndicatorInput {
  @Field({ description: "一级指标: 产出指标 | 效益指标 | 满意度指标 (the year's list)." })
  level1!: string;
  @Field(() => String, { nullable: true, description: '二级指标' }) level2?: string | null;
  @Field(() => String, { nullable: true, description: '三级指标' }) level3?: string | null;
  @Field(() => String, { nullable: true, description: '指标值, e.g. "≥95%".' }) value?:
    string | null;
  @Field(() => AnnualTargetInput, { nullable: true }) annual?: AnnualTargetInput | null;
}

@InputType({ description: 'A free-text field of the form (overview, basis, measures …).' })
export class TargetDetailInput {
  @Field() key!: string;
  @Field(() => String, { nullable: true }) value?: string | null;
}

@InputType({ description: 'A 绩效目标 form.' })
export class TargetFormInput {
  @Field(() => String, { nullable: true }) goal?: string | null;
  @Field(() => [TargetIndicatorInput]) indicators!: TargetIndicatorInput[];
  @Field(() => [TargetDetailInput], { nullable: true }) details?: TargetDetailInput[] | null;
}

@InputType({ description: "Sets the whole-unit form (projectCode omitted) or a project's form." })
export class SetPerformanceTargetsInput extends BudgetCommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'The project; omit for the whole-unit form.',
  })
  projectCode?: string | null;
  @Field(() => TargetFormInput) form!: TargetFormInput;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) setAt?:
    string | null;
}

@InputType()
export class RevisePerformanceTargetsInput extends BudgetCommandInput {
  @Field({ description: '"unit" or "project:<code>".' }) formId!: string;
  @Field(() => TargetFormInput) form!: TargetFormInput;
  @Field() reason!: string;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) revisedAt?:
    string | null;
}

@InputType()
export class WithdrawPerformanceTargetsInput extends BudgetCommandInput {
  @Field({ description: '"unit" or "project:<code>".' }) formId!: string;
  @Field() reason!: string;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) withdrawnAt?:
    string | null;
}

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

/** 绩效目标 are the unit's own statement of what its money buys: BUDGET_OFFICER of the unit, or ADMIN. */
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
