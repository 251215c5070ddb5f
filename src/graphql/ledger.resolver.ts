import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../domain/errors';
import { databaseStatus } from '../events/database';
import { checkDigest, DigestError, ledgerDigest, verifyLedger } from '../events/integrity';
import { Role } from './auth';
import type { GraphQLContext } from './context';
import { requireWholeLedger } from './scope';
import { LedgerStatus } from './ledger-status.type';
import { PositionScalar } from './scalars';
import { LedgerDigest } from './ledger-digest.type';
import { LedgerVerification } from './ledger-verification.type';

@Resolver()
export class LedgerResolver {
  @Query(() => LedgerStatus, {
    description: 'Where the ledger stands: the settled head of the log.',
  })
  async ledgerStatus(@Ctx() ctx: GraphQLContext): Promise<LedgerStatus> {
    const [position, db] = await Promise.all([
      ctx.store.settledPosition(),
      databaseStatus(ctx.pool),
    ]);
    return { settledPosition: position, databaseVersion: db.version ?? 'unknown' };
  }

  @Authorized(Role.AUDITOR)
  @Query(() => LedgerVerification, {
    description:
      'Recompute every hash chain and every read-model row (up to `upTo`, in log order); names the first broken event and the first row that differs. A token not limited to some departments.',
  })
  async verifyLedger(
    @Ctx() ctx: GraphQLContext,
    @Arg('upTo', () => PositionScalar, { nullable: true }) upTo?: bigint,
  ): Promise<LedgerVerification> {
    await requireWholeLedger(ctx);
    return verifyLedger(ctx.pool, upTo ?? null);
  }

  @Authorized(Role.AUDITOR)
  @Query(() => LedgerDigest, {
    description:
      'The ledger digest at a position (default: the settled head); with `expect`, re-check a kept digest. A token not limited to some departments.',
  })
  async ledgerDigest(
    @Ctx() ctx: GraphQLContext,
    @Arg('at', () => PositionScalar, { nullable: true }) at?: bigint,
    @Arg('expect', () => String, { nullable: true }) expect?: string,
  ): Promise<LedgerDigest> {
    await requireWholeLedger(ctx);
    const position = at ?? (await ctx.store.settledPosition());
    try {
      const d = await ledgerDigest(ctx.pool, position);
      const matches = expect ? (await checkDigest(ctx.pool, expect, position)).ok : null;
      return { ...d, matches };
    } catch (err) {
      if (err instanceof DigestError)
        throw new BadInputError(err.message, { position: position.toString() });
      throw err;
    }
  }
}
