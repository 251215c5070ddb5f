import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { budgetStreamId } from '../../domain';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { PositionScalar } from '../scalars';
import { requireUnit } from '../scope';

/**
 * The version a conditional write is decided on: an officer reads it before submitting, so that
 * the submission fails with CONCURRENCY_CONFLICT instead of landing on a state nobody saw.
 */
@Resolver()
export class UnitYearVersionResolver {
  @Authorized(Role.BUDGET_OFFICER, Role.FINANCE_REVIEWER, Role.AUDITOR)
  @Query(() => PositionScalar, {
    description:
      "A unit-year's current version (0 before anything was recorded): pass it as expectedVersion to make a write conditional on nothing having changed since. A token reaching the unit.",
  })
  async unitYearVersion(
    @Ctx() ctx: GraphQLContext,
    @Arg('unitCode') unitCode: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
  ): Promise<bigint> {
    await requireUnit(ctx, unitCode);
    const [fold] = await ctx.service.budgetStates([budgetStreamId(unitCode, fiscalYear)]);
    return fold!.version;
  }
}
