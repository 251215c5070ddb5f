import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { unitStreamId, type RegisterBudgetUnit, type UnitKind } from '../../domain';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { prepare } from './command';
import { payloadOf } from './payload';
import { RegisterBudgetUnitPayload } from './payloads/register-budget-unit.payload';
import { RegisterBudgetUnitInput } from './register-budget-unit.input';

/** The unit registry is the finance bureau's master data: only ADMIN changes it. */
@Resolver()
export class UnitMutations {
  @Authorized(Role.ADMIN)
  @Mutation(() => RegisterBudgetUnitPayload, { description: 'Register a budget unit (ADMIN).' })
  async registerBudgetUnit(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RegisterBudgetUnitInput,
  ): Promise<RegisterBudgetUnitPayload> {
    const { defaults, options } = await prepare(ctx, input, unitStreamId(input.unitCode));
    const command: RegisterBudgetUnit = {
      type: 'RegisterBudgetUnit',
      data: {
        unitCode: input.unitCode,
        name: input.name,
        kind: input.kind as UnitKind,
        parentUnitCode: input.parentUnitCode ?? null,
        departmentCode: input.departmentCode,
        staffing: {
          authorized: input.staffingAuthorized ?? null,
          actual: input.staffingActual ?? null,
        },
        registeredAt: defaults.date(input.registeredAt, 'registeredAt'),
      },
    };
    return payloadOf(await ctx.service.registerUnit(command, options));
  }
}
