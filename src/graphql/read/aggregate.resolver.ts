import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Money, type ReferenceIndex } from '../../domain';
import { BadInputError } from '../../domain/errors';
import { aggregatePostings } from '../../projections/read-aggregate';
import type { GraphQLContext } from '../context';
import {
  AggregateDimension,
  AggregateOrder,
  AggregateSortDirection,
  AggregateSortKey,
  toDimension,
} from './aggregate.input';
import { AggregateCell } from './aggregate-cell.type';
import { AggregateResult } from './aggregate.type';
import { DimensionValue } from './dimension-value.type';
import { AsOfInput, asOfPoint, toAsOf } from './as-of.input';
import { LineCutInput } from './line-cut.input';
import {
  BASIC_PROJECT_NAMES,
  checkCutValues,
  deptEconName,
  functionalName,
  fundSourceName,
  govEconName,
  KIND_NAMES,
  ORIGIN_NAMES,
  reference,
} from './line-names';
import { loaders } from './loaders';
import { unitsInReach } from '../scope';

export const MAX_AGGREGATE_PAGE = 1000;

/**
 * aggregate: one GROUP BY in SQL; names from the reference data and (batched) from units and
 * projects. Any token.
 */
@Resolver()
export class AggregateResolver {
  @Authorized()
  @Query(() => AggregateResult, {
    description:
      'Sum budget money by any drilldown (类/款/项, economic class, fund source, basic/project, unit, project) over a cut, at a point.',
  })
  async aggregate(
    @Ctx() ctx: GraphQLContext,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('drilldown', () => [AggregateDimension], { defaultValue: [] })
    drilldown: AggregateDimension[],
    @Arg('cut', () => LineCutInput, { nullable: true }) cut: LineCutInput | undefined,
    @Arg('asOf', () => AsOfInput, { nullable: true }) asOfInput: AsOfInput | undefined,
    @Arg('orderBy', () => AggregateOrder, { nullable: true }) orderBy: AggregateOrder | undefined,
    @Arg('page', () => Int, { defaultValue: 1 }) page: number,
    @Arg('pageSize', () => Int, {
      defaultValue: 100,
      description: `At most ${MAX_AGGREGATE_PAGE}.`,
    })
    pageSize: number,
  ): Promise<AggregateResult> {
    const ref = reference(ctx, fiscalYear);
    checkCutValues(ref, cut ?? {});
    if (new Set(drilldown).size !== drilldown.length)
      throw new BadInputError('a drilldown dimension is listed twice', { field: 'drilldown' });
    if (page < 1 || pageSize < 1 || pageSize > MAX_AGGREGATE_PAGE)
      throw new BadInputError(`page must be ≥ 1 and pageSize between 1 and ${MAX_AGGREGATE_PAGE}`, {
        page,
        pageSize,
      });
    const asOf = toAsOf(asOfInput);
    const order = {
      by: orderBy?.by === AggregateSortKey.AMOUNT ? ('amount' as const) : ('codes' as const),
      descending: orderBy?.direction === AggregateSortDirection.DESC,
    };
    const rows = await aggregatePostings(ctx.pool, {
      fiscalYear,
      drilldown: drilldown.map(toDimension),
      cut: { ...cut, reach: await unitsInReach(ctx, cut?.unitCodes) },
      asOf,
      order,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const cells = await Promise.all(
      rows.cells.map(async (c): Promise<AggregateCell> => ({
        dimensions: await Promise.all(
          drilldown.map((d, i) => dimensionValue(ctx, ref, fiscalYear, d, c.codes[i] ?? null)),
        ),
        amount: c.amount,
        amountWanYuan: Money.toWanYuan(c.amount),
      })),
    );
    return {
      cells,
      summary: { amount: rows.total, amountWanYuan: Money.toWanYuan(rows.total) },
      cellCount: rows.cellCount,
      page,
      pageSize,
      drilldown,
      asOf: asOfPoint(asOf),
    };
  }
}

/**
 * Code and name of a cell's value; units and projects by DataLoader (one query per aggregate, not
 * per cell).
 */
async function dimensionValue(
  ctx: GraphQLContext,
  ref: ReferenceIndex,
  fiscalYear: number,
  dimension: AggregateDimension,
  value: string | null,
): Promise<DimensionValue> {
  if (value === null) return { dimension, code: null, name: null };
  const D = AggregateDimension;
  switch (dimension) {
    case D.FUNCTIONAL_CLASS:
    case D.FUNCTIONAL_SECTION:
    case D.FUNCTIONAL_ITEM:
      return { dimension, code: value, name: functionalName(ref, value) };
    case D.DEPT_ECON_CLASS:
    case D.DEPT_ECON_ITEM:
      return { dimension, code: value, name: deptEconName(ref, value) };
    case D.GOV_ECON_ITEM:
      return { dimension, code: value, name: govEconName(ref, value) };
    case D.FUND_SOURCE:
      return { dimension, code: value, name: fundSourceName(ref, value) };
    case D.KIND:
      return { dimension, code: value, name: KIND_NAMES[value] ?? null };
    case D.BASIC_PROJECT:
      return { dimension, code: value, name: BASIC_PROJECT_NAMES[value] ?? null };
    case D.ORIGIN:
      return { dimension, code: value, name: ORIGIN_NAMES[value] ?? null };
    case D.UNIT:
      return { dimension, code: value, name: (await loaders(ctx).unit.load(value))?.name ?? null };
    case D.PROJECT: {
      // The SQL keys a project as "<unit>|<code>": a project code is only unique within its unit.
      const [unitCode, ...code] = value.split('|');
      return {
        dimension,
        code: code.join('|'),
        name: await loaders(ctx).projectName.load(`${unitCode}|${fiscalYear}|${code.join('|')}`),
      };
    }
  }
}
