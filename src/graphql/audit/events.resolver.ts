import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { BadInputError } from '../../domain/errors';
import { eventLogCount, eventLogPage, type EventLogFilter } from '../../projections/audit';
import { Role } from '../auth';
import { unitsInReach } from '../scope';
import { pageRequest, toConnection } from '../connection';
import { PageArgs } from '../page.args';
import type { GraphQLContext } from '../context';
import { LedgerEventFilter } from './event-filter.input';
import { toLedgerEvent } from './ledger-event.type';
import { LedgerEventConnection } from './ledger-event-connection.type';

/**
 * The audit log query: thin; the SQL (and why it pages by the log order key) is in
 * src/projections/audit.ts.
 */
@Resolver(() => LedgerEventConnection)
export class EventsResolver {
  @Authorized(Role.AUDITOR)
  @Query(() => LedgerEventConnection, {
    description:
      'The event log in log order, filtered, paged by global position: the streams of the units the token reaches. AUDITOR and ADMIN.',
  })
  async events(
    @Ctx() ctx: GraphQLContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => LedgerEventFilter, { nullable: true }) filter?: LedgerEventFilter,
  ): Promise<LedgerEventConnection> {
    const req = pageRequest(page);
    if (req.cursor !== null && !/^\d{1,19}$/.test(req.cursor))
      throw new BadInputError('invalid cursor');
    const reach = await unitsInReach(ctx, filter?.unitCode ? [filter.unitCode] : null);
    const f: EventLogFilter = { ...(filter ?? {}), reach };
    const rows = await eventLogPage(ctx.pool, f, {
      forward: req.forward,
      limit: req.limit,
      cursor: req.cursor === null ? null : BigInt(req.cursor),
    });
    const { edges, pageInfo } = toConnection(
      rows.map(toLedgerEvent),
      req,
      (e) => e.position.toString(),
      req.cursor !== null,
    );
    return { edges, pageInfo, filter: f };
  }

  @FieldResolver(() => Int, { description: 'How many events match the filter, over all pages.' })
  totalCount(@Root() conn: LedgerEventConnection, @Ctx() ctx: GraphQLContext): Promise<number> {
    return eventLogCount(ctx.pool, conn.filter);
  }
}
