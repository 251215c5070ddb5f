import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { NotFoundError } from '../../domain/errors';
import type { AsOf } from '../../projections/as-of';
import { replayUnitYear } from '../../projections/audit-replay';
import { publishedPosition } from '../../projections/fact-versions';
import { Role } from '../auth';
import { requireUnit } from '../scope';
import { AsOfInput, toAsOf } from '../read/as-of.input';
import type { GraphQLContext } from '../context';
import { toLedgerEvent } from './ledger-event.type';
import { toLineChange } from './line-change.type';
import { ReplayStep } from './replay-step.type';

@Resolver()
export class ReplayResolver {
  @Authorized(Role.AUDITOR)
  @Query(() => [ReplayStep], {
    description:
      'Replays the budget stream of a unit-year: every event after `from` (exclusive: the state replay starts from) up to `to` (inclusive; default now), in log order, each with the before/after balance of every line it changed. AUDITOR and ADMIN.',
  })
  async replay(
    @Ctx() ctx: GraphQLContext,
    @Arg('unitCode') unitCode: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('from', () => AsOfInput, { nullable: true }) from?: AsOfInput,
    @Arg('to', () => AsOfInput, { nullable: true }) to?: AsOfInput,
  ): Promise<ReplayStep[]> {
    await requireUnit(ctx, unitCode);
    const [start, end] = await Promise.all([
      this.point(ctx, unitCode, fiscalYear, from),
      this.point(ctx, unitCode, fiscalYear, to),
    ]);
    const steps = await replayUnitYear(ctx.pool, unitCode, fiscalYear, from ? start : null, end);
    return steps.map((s) => ({
      event: toLedgerEvent(s.event),
      changes: s.changes.map(toLineChange),
    }));
  }

  /** `published` is the unit-year's own latest publication here (a replay is per unit). */
  private async point(
    ctx: GraphQLContext,
    unitCode: string,
    fiscalYear: number,
    p: AsOfInput | undefined,
  ): Promise<AsOf> {
    if (!p?.published) return toAsOf(p);
    const position = await publishedPosition(ctx.pool, [unitCode], fiscalYear);
    if (position === null)
      throw new NotFoundError(`the ${fiscalYear} budget of ${unitCode} has not been published`, {
        unitCode,
        fiscalYear,
      });
    return { ...toAsOf({ ...p, published: false }), position };
  }
}
