import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ReferenceIndex } from '../../domain';
import { linePage, projectKey, type LineRow } from '../../projections/read-queries';
import { pageRequest, toConnection } from '../connection';
import { PageArgs } from '../page.args';
import type { GraphQLContext } from '../context';
import { AsOfInput, asOfPoint, toAsOf } from './as-of.input';
import { BudgetLineConnection } from './budget-line-connection.type';
import { BudgetLine } from './budget-line.type';
import { BudgetLineFilter } from './budget-line-filter.input';
import {
  checkCutValues,
  deptEconName,
  functionalName,
  fundSourceName,
  govEconName,
  KIND_NAMES,
  reference,
} from './line-names';
import { loaders } from './loaders';
import { unitsInReach } from '../scope';
import { toUnit, Unit } from './unit.type';

/**
 * Budget lines with their balances at a point: any token, over the units it reaches
 * (docs/access.md). Names come from the year's reference data (memory).
 */
@Resolver(() => BudgetLine)
export class BudgetLineResolver {
  @Authorized()
  @Query(() => BudgetLineConnection, {
    description:
      'Budget lines of a fiscal year at a point, filtered, ordered by line id; cursor = line id.',
  })
  async budgetLines(
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => BudgetLineFilter) filter: BudgetLineFilter,
    @Arg('asOf', () => AsOfInput, { nullable: true }) asOfInput: AsOfInput | undefined,
    @Args() page: PageArgs,
  ): Promise<BudgetLineConnection> {
    const ref = reference(ctx, filter.fiscalYear);
    checkCutValues(ref, filter);
    const asOf = toAsOf(asOfInput);
    const req = pageRequest(page);
    const cut = { ...filter, reach: await unitsInReach(ctx, filter.unitCodes) };
    const { totalCount, rows } = await linePage(ctx.pool, filter.fiscalYear, cut, asOf, req);
    const lines = rows.map((r) => toLine(r, ref));
    return {
      ...toConnection(lines, req, (l) => l.id, req.cursor !== null),
      totalCount,
      asOf: asOfPoint(asOf),
    };
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit of the line (batched).' })
  async unit(@Root() line: BudgetLine, @Ctx() ctx: GraphQLContext): Promise<Unit | null> {
    const u = await loaders(ctx).unit.load(line.unitCode);
    return u && toUnit(u);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The name of the line's project (batched).",
  })
  projectName(@Root() line: BudgetLine, @Ctx() ctx: GraphQLContext): Promise<string | null> | null {
    return line.projectCode === null
      ? null
      : loaders(ctx).projectName.load(projectKey(line.unitCode, line.fiscalYear, line.projectCode));
  }
}

function toLine(r: LineRow, ref: ReferenceIndex): BudgetLine {
  return {
    id: r.lineId,
    unitCode: r.unitCode,
    fiscalYear: r.fiscalYear,
    fundSource: r.fundSource,
    fundSourceName: fundSourceName(ref, r.fundSource),
    functionalCode: r.functionalCode,
    functionalName: functionalName(ref, r.functionalCode),
    functionalClassName: functionalName(ref, r.functionalCode.slice(0, 3)),
    functionalSectionName: functionalName(ref, r.functionalCode.slice(0, 5)),
    kind: r.kind,
    kindName: KIND_NAMES[r.kind] ?? r.kind,
    deptEconCode: r.deptEconCode,
    deptEconName: deptEconName(ref, r.deptEconCode),
    govEconCode: r.govEconCode,
    govEconName: govEconName(ref, r.govEconCode),
    projectCode: r.projectCode,
    origin: r.origin,
    amount: r.amount,
  };
}
