import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { runBudgetCommand } from './command';
import { payloadOf } from './payload';
import { RecordProcurementBudgetPayload } from './payloads/record-procurement-budget.payload';
import { RecordStateAssetsPayload } from './payloads/record-state-assets.payload';
import { RecordProcurementBudgetInput } from './record-procurement-budget.input';
import { RecordStateAssetsInput } from './record-state-assets.input';

/** Facts the disclosure reports besides line amounts: BUDGET_OFFICER of the unit, or ADMIN. */
@Resolver()
export class RecordMutations {
  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => RecordProcurementBudgetPayload, {
    description: 'Record the procurement budget (BUDGET_OFFICER of the unit, or ADMIN).',
  })
  async recordProcurementBudget(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RecordProcurementBudgetInput,
  ): Promise<RecordProcurementBudgetPayload> {
    const { result } = await runBudgetCommand(ctx, input, {
      build: (d) => ({
        command: {
          type: 'RecordProcurementBudget',
          data: {
            recordedAt: d.date(input.recordedAt, 'recordedAt'),
            goods: input.goods,
            works: input.works,
            services: input.services,
          },
        },
      }),
    });
    return payloadOf(result);
  }

  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => RecordStateAssetsPayload, {
    description: 'Record state-asset holdings (BUDGET_OFFICER of the unit, or ADMIN).',
  })
  async recordStateAssets(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RecordStateAssetsInput,
  ): Promise<RecordStateAssetsPayload> {
    const byUse: Record<string, number> = {};
    for (const v of input.vehiclesByUse ?? []) byUse[v.use] = v.count;
    const { result } = await runBudgetCommand(ctx, input, {
      build: (d) => ({
        command: {
          type: 'RecordStateAssets',
          data: {
            asOf: d.date(input.asOf, 'asOf'),
            vehicles: {
              establishment: input.vehicleEstablishment,
              actual: input.vehiclesActual,
              byUse,
            },
            officeSpaceM2: input.officeSpaceM2,
            equipmentOver500k: input.equipmentOver500k,
            equipmentOver1m: input.equipmentOver1m,
          },
        },
      }),
    });
    return payloadOf(result);
  }
}
