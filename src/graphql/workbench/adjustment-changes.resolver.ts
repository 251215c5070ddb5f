import {
  Arg,
  Authorized,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { parseBudgetStreamId } from '../../domain';
import { unitInScope } from '../../app/access-scope';
import { requireUnit, scopeOf } from '../scope';
import { abortable } from '../audit/abortable';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { PositionScalar } from '../scalars';
import { AdjustmentStatus } from '../read/adjustment-status.enum';
import { AdjustmentChange } from './adjustment-change.type';

const STATUS_OF: Record<string, AdjustmentStatus> = {
  AdjustmentSubmitted: AdjustmentStatus.SUBMITTED,
  AdjustmentApproved: AdjustmentStatus.APPROVED,
  AdjustmentRejected: AdjustmentStatus.REJECTED,
};

type Args = { unitCode?: string | null; after?: bigint | null };

/**
 * Submissions and reviews as they happen, for a review queue or an officer's list that keeps
 * itself current (`disclosureChanged` does not fire for a submission: it changes no figure, and
 * `ledgerEvents` is for auditors). From the log, like the other subscriptions: resume with the
 * last position seen. A token hears only of the units it reaches (docs/access.md).
 */
async function* adjustmentChanges(
  { context, args }: SubscribeResolverData<unknown, Args, GraphQLContext>,
  signal: AbortSignal,
): AsyncGenerator<AdjustmentChange> {
  const scope = await scopeOf(context);
  const start = args.after ?? (await context.store.settledPosition());
  for await (const e of context.hub.events(start, signal)) {
    const status = STATUS_OF[e.type];
    const stream = parseBudgetStreamId(e.streamId);
    if (!status || !stream) continue;
    if (args.unitCode != null && stream.unitCode !== args.unitCode) continue;
    if (!unitInScope(scope, stream.unitCode)) continue;
    yield {
      position: e.globalPosition,
      unitCode: stream.unitCode,
      fiscalYear: stream.fiscalYear,
      adjustmentId: String(e.data.adjustmentId),
      status,
    };
  }
}

@Resolver()
export class AdjustmentChangesResolver {
  @Authorized(Role.BUDGET_OFFICER, Role.FINANCE_REVIEWER, Role.AUDITOR)
  @Subscription(() => AdjustmentChange, {
    description:
      'Fires when an adjustment is submitted, approved or rejected (after `after`, default now; of one unit, or of all). BUDGET_OFFICER (own units), FINANCE_REVIEWER and AUDITOR (their departments, or all), ADMIN.',
    subscribe: async (data: SubscribeResolverData<unknown, Args, GraphQLContext>) => {
      if (data.args.unitCode != null) await requireUnit(data.context, data.args.unitCode);
      return abortable((signal) => adjustmentChanges(data, signal));
    },
  })
  adjustmentChanged(
    @Root() change: AdjustmentChange,
    @Arg('unitCode', () => String, { nullable: true }) _unitCode?: string,
    @Arg('after', () => PositionScalar, { nullable: true }) _after?: bigint,
  ): AdjustmentChange {
    return change;
  }
}
