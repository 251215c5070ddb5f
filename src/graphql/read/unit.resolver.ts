import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { fiscalYearsOf, registeredUnits, type FiscalYearRow } from '../../projections/read-queries';
import type { GraphQLContext } from '../context';
import { loaders } from './loaders';
import { UnitFiscalYear } from './unit-fiscal-year.type';
import { toUnit, Unit } from './unit.type';

export const toFiscalYear = (r: FiscalYearRow): UnitFiscalYear => ({
  unitCode: r.unitCode,
  fiscalYear: r.fiscalYear,
  openedAt: r.openedAt,
  published: r.publishedPosition !== null,
  publishedPosition: r.publishedPosition === null ? null : BigInt(r.publishedPosition),
  publishedAt: r.publishedAt,
  closed: r.closedAt !== null,
  closedAt: r.closedAt,
});

/** The unit registry and the years opened for it. Any token; PUBLIC reads disclosures only. */
@Resolver(() => Unit)
export class UnitResolver {
  @Authorized()
  @Query(() => [Unit], {
    description: 'Every registered unit, in registration order (optionally of one department).',
  })
  async units(
    @Ctx() ctx: GraphQLContext,
    @Arg('departmentCode', () => String, { nullable: true }) departmentCode?: string,
  ): Promise<Unit[]> {
    const all = await registeredUnits(ctx.pool);
    return all.filter((u) => !departmentCode || u.departmentCode === departmentCode).map(toUnit);
  }

  @Authorized()
  @Query(() => Unit, {
    nullable: true,
    description: 'One unit by its code; null when none is registered.',
  })
  async unit(
    @Ctx() ctx: GraphQLContext,
    @Arg('code', () => String) code: string,
  ): Promise<Unit | null> {
    const row = await loaders(ctx).unit.load(code);
    return row ? toUnit(row) : null;
  }

  @Authorized()
  @Query(() => [UnitFiscalYear], {
    name: 'fiscalYears',
    description:
      'Fiscal years opened (of one unit, or of every unit), with publication and closing.',
  })
  async allFiscalYears(
    @Ctx() ctx: GraphQLContext,
    @Arg('unitCode', () => String, { nullable: true }) unitCode?: string,
  ): Promise<UnitFiscalYear[]> {
    return (await fiscalYearsOf(ctx.pool, unitCode ? [unitCode] : null)).map(toFiscalYear);
  }

  @FieldResolver(() => [UnitFiscalYear], { description: 'The fiscal years opened for this unit.' })
  async fiscalYears(@Root() unit: Unit, @Ctx() ctx: GraphQLContext): Promise<UnitFiscalYear[]> {
    return (await loaders(ctx).fiscalYears.load(unit.code)).map(toFiscalYear);
  }
}
