import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { DecimalScalar } from '../scalars';
import { BudgetCommandInput, runBudgetCommand } from './command';
import { payloadOf, RecordProcurementBudgetPayload, RecordStateAssetsPayload } from './payload';

@InputType({
  description: '政府采购预算 of the unit-year, in yuan (each ≥ 0; the total is computed).',
})
export class RecordProcurementBudgetInput extends BudgetCommandInput {
  @Field(() => DecimalScalar) goods!: string;
  @Field(() => DecimalScalar) works!: string;
  @Field(() => DecimalScalar) services!: string;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) recordedAt?:
    string | null;
}

@InputType({
  description: 'Vehicles of one use, e.g. leadership, lawEnforcement, institutionBusiness.',
})
export class VehicleUseInput {
  @Field() use!: string;
  @Field(() => Int) count!: number;
}

@InputType({ description: '国有资产占有使用情况 at a date.' })
export class RecordStateAssetsInput extends BudgetCommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'ISO date the holdings are stated at; default today.',
  })
  asOf?: string | null;
  @Field(() => Int, { description: '车辆编制数' }) vehicleEstablishment!: number;
  @Field(() => Int, { description: '实有车辆数' }) vehiclesActual!: number;
  @Field(() => [VehicleUseInput], { nullable: true }) vehiclesByUse?: VehicleUseInput[] | null;
  @Field(() => DecimalScalar, { description: 'Office space, m² (2 decimals at most).' })
  officeSpaceM2!: string;
  @Field(() => Int, { description: 'Equipment items of unit value over 500,000 yuan.' })
  equipmentOver500k!: number;
  @Field(() => Int, { description: 'Equipment items of unit value over 1,000,000 yuan.' })
  equipmentOver1m!: number;
}

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
