import { Arg, Authorized, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import type { Project } from '../../domain';
import { DecimalScalar } from '../scalars';
import { BudgetCommandInput, runBudgetCommand } from './command';
import { LineAmountEntryInput, toLineAmounts } from './line.input';
import {
  AllocateInitialBudgetPayload,
  payloadOf,
  RecordCarryOverPayload,
  RegisterProjectPayload,
} from './payload';

@InputType({
  description:
    '年初预算: amounts on lines of origin current. An allocation id is recorded once, so resending it cannot double the budget.',
})
export class AllocateInitialBudgetInput extends BudgetCommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'e.g. "年初预算-基本支出"; generated when omitted.',
  })
  allocationId?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) allocatedAt?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The 批复 文号, if any.' }) documentNumber?:
    string | null;
  @Field(() => [LineAmountEntryInput]) lines!: LineAmountEntryInput[];
}

@InputType({ description: '上年结转: amounts on lines of origin carry-over.' })
export class RecordCarryOverInput extends BudgetCommandInput {
  @Field(() => String, { nullable: true, description: 'Generated when omitted.' }) carryOverId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) recordedAt?:
    string | null;
  @Field(() => String, { nullable: true }) documentNumber?: string | null;
  @Field(() => [LineAmountEntryInput]) lines!: LineAmountEntryInput[];
}

@InputType()
export class ProjectProcurementInput {
  @Field({ description: 'goods 货物 | works 工程 | services 服务' }) category!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@InputType({ description: 'A project (项目), registered before money is put on it.' })
export class RegisterProjectInput extends BudgetCommandInput {
  @Field({ description: 'The project code, e.g. "P12".' }) code!: string;
  @Field() name!: string;
  @Field({ description: 'other-operating 其他运转类 | specific-goal 特定目标类' })
  category!: string;
  @Field({ description: 'one-off 一次性 | recurring 经常性' }) attribute!: string;
  @Field({ description: 'As the form prints it, e.g. "1年".' }) period!: string;
  @Field(() => [ProjectProcurementInput], { nullable: true }) procurement?:
    ProjectProcurementInput[] | null;
  @Field(() => String, { nullable: true }) implementingUnit?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) registeredAt?:
    string | null;
}

/** Putting money on lines in the first place, and the projects it goes to (BUDGET_OFFICER of the unit, or ADMIN). */
@Resolver()
export class AllocationMutations {
  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => AllocateInitialBudgetPayload, {
    description: 'Record 年初预算 on lines (BUDGET_OFFICER of the unit, or ADMIN).',
  })
  async allocateInitialBudget(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: AllocateInitialBudgetInput,
  ): Promise<AllocateInitialBudgetPayload> {
    const { result, extra } = await runBudgetCommand(ctx, input, {
      build: (d) => {
        const allocationId = d.id(input.allocationId, 'allocationId', '年初预算');
        const lines = toLineAmounts(input.lines, input.unitCode, input.fiscalYear, 'current');
        const data = {
          allocationId,
          allocatedAt: d.date(input.allocatedAt, 'allocatedAt'),
          documentNumber: input.documentNumber ?? null,
          lines,
        };
        return {
          command: { type: 'AllocateInitialBudget', data },
          extra: { allocationId },
          documentRef: input.documentNumber,
        };
      },
    });
    return { ...payloadOf(result), ...extra };
  }

  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => RecordCarryOverPayload, {
    description: 'Record 上年结转 on carry-over lines (BUDGET_OFFICER of the unit, or ADMIN).',
  })
  async recordCarryOver(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RecordCarryOverInput,
  ): Promise<RecordCarryOverPayload> {
    const { result, extra } = await runBudgetCommand(ctx, input, {
      build: (d) => {
        const carryOverId = d.id(input.carryOverId, 'carryOverId', '上年结转');
        const lines = toLineAmounts(input.lines, input.unitCode, input.fiscalYear, 'carry-over');
        const data = {
          carryOverId,
          recordedAt: d.date(input.recordedAt, 'recordedAt'),
          documentNumber: input.documentNumber ?? null,
          lines,
        };
        return {
          command: { type: 'RecordCarryOver', data },
          extra: { carryOverId },
          documentRef: input.documentNumber,
        };
      },
    });
    return { ...payloadOf(result), ...extra };
  }

  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => RegisterProjectPayload, {
    description: 'Register a project of the unit-year (BUDGET_OFFICER of the unit, or ADMIN).',
  })
  async registerProject(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RegisterProjectInput,
  ): Promise<RegisterProjectPayload> {
    const { result } = await runBudgetCommand(ctx, input, {
      build: (d) => {
        const project = {
          code: input.code,
          name: input.name,
          category: input.category as Project['category'],
          attribute: input.attribute as Project['attribute'],
          period: input.period,
          procurement: (input.procurement ?? []).map((p) => ({
            category: p.category as Project['procurement'][number]['category'],
            amount: p.amount,
          })),
          implementingUnit: input.implementingUnit ?? null,
        };
        return {
          command: {
            type: 'RegisterProject',
            data: { project, registeredAt: d.date(input.registeredAt, 'registeredAt') },
          },
        };
      },
    });
    return payloadOf(result);
  }
}
