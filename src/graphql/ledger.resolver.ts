import { Ctx, Query, Resolver } from 'type-graphql';
import { databaseStatus } from '../events/database';
import type { GraphQLContext } from './context';
import { LedgerStatus } from './ledger-status.type';

@Resolver()
export class LedgerResolver {
  @Query(() => LedgerStatus, { description: 'Where the ledger stands: the settled head of the log.' })
  async ledgerStatus(@Ctx() ctx: GraphQLContext): Promise<LedgerStatus> {
    const [position, db] = await Promise.all([ctx.store.settledPosition(), databaseStatus(ctx.pool)]);
    return { settledPosition: position.toString(), databaseVersion: db.version ?? 'unknown' };
  }
}
