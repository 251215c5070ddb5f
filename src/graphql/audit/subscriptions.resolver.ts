import {
  Arg,
  Authorized,
  Int,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import { parseBudgetStreamId, streamUnitCode } from '../../domain';
import type { RecordedEvent } from '../../events/types';
import { eventTouch } from '../../projections/audit';
import { departmentUnits } from '../../projections/fact-versions';
import { Role } from '../auth';
import { liveReach, requireDepartment, requireUnit, scopeOf } from '../scope';
import type { GraphQLContext } from '../context';
import { PositionScalar } from '../scalars';
import { abortable } from './abortable';
import { LedgerEventStreamFilter } from './ledger-event-stream-filter.input';
import { LedgerEvent, toLedgerEvent } from './ledger-event.type';
import { DisclosureChange } from './disclosure-change.type';

type Data<A> = SubscribeResolverData<unknown, A, GraphQLContext>;

/**
 * Every event after `after`, from the log itself: the checkpoint is the client's, so a client that
 * reconnects (to this or a restarted server) with the last position it saw gets each later event
 * exactly once. Without `after`, delivery starts at the settled head (now).
 */
async function* fromLog(
  ctx: GraphQLContext,
  after: bigint | null | undefined,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent> {
  const start = after ?? (await ctx.store.settledPosition());
  yield* ctx.hub.events(start, signal);
}

function matches(f: LedgerEventStreamFilter | null | undefined, e: RecordedEvent): boolean {
  if (!f) return true;
  if (f.streamId != null && e.streamId !== f.streamId) return false;
  if (f.types != null && !f.types.includes(e.type)) return false;
  if (f.unitCode != null && streamUnitCode(e.streamId) !== f.unitCode) return false;
  return true;
}

/**
 * A limited token hears only of the streams of the units it reaches, its reach as of each event
 * (a unit registered in its department later included).
 */
async function* ledgerEvents(
  { context, args }: Data<{ filter?: LedgerEventStreamFilter; after?: bigint }>,
  signal: AbortSignal,
): AsyncGenerator<LedgerEvent> {
  const whole = (await scopeOf(context)) === null;
  const reaches = liveReach(context);
  const inReach = async (e: RecordedEvent): Promise<boolean> => {
    if (whole) return true;
    const unit = streamUnitCode(e.streamId);
    return unit !== null && (await reaches(unit));
  };
  for await (const e of fromLog(context, args.after, signal))
    if (matches(args.filter, e) && (await inReach(e))) yield toLedgerEvent(e);
}

async function* disclosureChanges(
  { context, args }: Data<{ departmentCode: string; fiscalYear: number; after?: bigint }>,
  signal: AbortSignal,
): AsyncGenerator<DisclosureChange> {
  const units = new Set(
    (await departmentUnits(context.pool, args.departmentCode)).map((u) => u.unitCode),
  );
  for await (const e of fromLog(context, args.after, signal)) {
    if (e.type === 'BudgetUnitRegistered' && e.data.departmentCode === args.departmentCode)
      units.add(String(e.data.unitCode));
    const stream = parseBudgetStreamId(e.streamId);
    if (!stream || stream.fiscalYear !== args.fiscalYear || !units.has(stream.unitCode)) continue;
    // The read models say whether the event changed a disclosure input (a submission changes none).
    const touch = await eventTouch(context.pool, e.globalPosition);
    if (touch.postings + touch.facts === 0) continue;
    yield {
      position: e.globalPosition,
      streamId: e.streamId,
      eventType: e.type,
      changedLines: touch.postings,
      recordedAt: e.recordedAt,
    };
  }
}

@Resolver()
export class AuditSubscriptionResolver {
  @Authorized(Role.AUDITOR)
  @Subscription(() => LedgerEvent, {
    description:
      'Events in log order after `after` (default: now), filtered, of the units the token reaches. Resume with the last position seen. AUDITOR and ADMIN.',
    // Checked before the stream starts, so a refusal is an error of the subscription itself.
    subscribe: async (data: Data<{ filter?: LedgerEventStreamFilter; after?: bigint }>) => {
      const unitCode = data.args.filter?.unitCode;
      if (unitCode != null) await requireUnit(data.context, unitCode);
      return abortable((signal) => ledgerEvents(data, signal));
    },
  })
  ledgerEvents(
    @Root() event: LedgerEvent,
    @Arg('filter', () => LedgerEventStreamFilter, { nullable: true })
    _filter?: LedgerEventStreamFilter,
    @Arg('after', () => PositionScalar, { nullable: true }) _after?: bigint,
  ): LedgerEvent {
    return event;
  }

  @Authorized()
  @Subscription(() => DisclosureChange, {
    description:
      "Fires when an event changes a department-year's disclosure inputs (after `after`, default now). A token reaching all of the department's units.",
    subscribe: async (
      data: Data<{ departmentCode: string; fiscalYear: number; after?: bigint }>,
    ) => {
      await requireDepartment(data.context, data.args.departmentCode);
      return abortable((signal) => disclosureChanges(data, signal));
    },
  })
  disclosureChanged(
    @Root() change: DisclosureChange,
    @Arg('departmentCode') _departmentCode: string,
    @Arg('fiscalYear', () => Int) _fiscalYear: number,
    @Arg('after', () => PositionScalar, { nullable: true }) _after?: bigint,
  ): DisclosureChange {
    return change;
  }
}
