import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import type { Project } from '../../domain';
import { runBudgetCommand } from './command';
import { toLineAmounts } from './line.input';
import { payloadOf } from './payload';
import { AllocateInitialBudgetPayload } from './payloads/allocate-initial-budget.payload';
import { RecordCarryOverPayload } from './payloads/record-carry-over.payload';
import { RegisterProjectPayload } from './payloads/register-project.payload';
import { AllocateInitialBudgetInput } from './allocate-initial-budget.input';
import { RecordCarryOverInput } from './record-carry-over.input';
import { RegisterProjectInput } from './register-project.input';

/**
 * Putting money on lines in the first place, and the projects it goes to (BUDGET_OFFICER of the
 * unit, or ADMIN).
 */
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
