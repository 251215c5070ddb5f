/**
 * The pure half of a batch of commands on one unit-year: each command decided by the domain on the
 * state the ones before it left, and turned into the events to append (ids derived from the
 * idempotency keys, metadata recorded with every event). No I/O, so it runs wherever the caller
 * has the state: in an import's unit task, on the main thread or in a worker thread
 * (src/import/workers).
 */
import { v5 as uuidv5 } from 'uuid';
import {
  decide,
  effectiveDateOf,
  foldBudget,
  isRuleError,
  storedData,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
  type ReferenceCodesAdopted,
  type ReferenceLists,
  type RuleError,
  type UnitEvent,
} from '../domain';
import type { EventMetadata, JsonObject, NewEvent } from '../events/types';

/** Who asks, why, and on which document: recorded in every event's metadata. */
export interface MetadataOptions {
  actor: string;
  /** The person behind the actor's token (docs/access.md), when a person caused the event. */
  person?: string;
  idempotencyKey?: string;
  reason?: string;
  documentRef?: string;
  correlationId?: string;
  causationId?: string;
}

/** One command of a batch, with its identity (commandHash) and whether the log already holds it. */
export interface BatchEntry {
  command: BudgetCommand;
  idempotencyKey?: string;
  commandHash: string;
  /** Already in the log: not decided again (its events are in the state already). */
  recorded: boolean;
}

export type DecidedBatch =
  | {
      ok: true;
      events: NewEvent[];
    }
  /**
   * Every refused command's index and rule error; the commands after one are decided without it,
   * so one pass finds them all.
   */
  | { ok: false; refusals: { index: number; error: RuleError }[] };

// Event ids of an idempotent command are derived from its key, so a retry appends the same ids and
// the event store's own idempotency makes it a no-op.
const ID_NAMESPACE = '6f0f4c1e-3b8a-5d2e-9a41-2c7d9e0b5a10';

export function eventIdFor(streamId: string, key: string, index: number): string {
  return uuidv5(`${streamId}\n${key}\n${index}`, ID_NAMESPACE);
}

/**
 * Decides `entries` in order on `state` (the unit-year `streamId`), against `references` (the
 * ledger's lists, as their owner handed them on). Rule errors are returned; anything else is a bug
 * and throws.
 */
export function decideBatch(
  streamId: string,
  state: BudgetState,
  references: ReferenceLists,
  entries: readonly BatchEntry[],
  opts: MetadataOptions,
): DecidedBatch {
  const events: NewEvent[] = [];
  const refusals: { index: number; error: RuleError }[] = [];
  let current = state;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.recorded) continue;
    const cmd = entry.command;
    let decided: BudgetEvent[];
    try {
      decided = decide(cmd, current, references);
    } catch (err) {
      if (!isRuleError(err)) throw err;
      refusals.push({ index: i, error: err });
      continue;
    }
    // Only a later command needs the state after this one (folding a 1,000-line allocation is
    // a copy of every line balance).
    if (i < entries.length - 1) current = foldBudget(decided, current);
    events.push(
      ...toNewEvents(streamId, decided, cmd.type, entry.commandHash, {
        ...opts,
        idempotencyKey: entry.idempotencyKey,
      }),
    );
  }
  return refusals.length > 0 ? { ok: false, refusals } : { ok: true, events };
}

/** The events of one command as the store appends them: stored data, metadata, derived ids. */
export function toNewEvents(
  streamId: string,
  events: readonly (BudgetEvent | UnitEvent | ReferenceCodesAdopted)[],
  commandType: string,
  commandHash: string,
  opts: MetadataOptions,
): NewEvent[] {
  const metadata: EventMetadata = {
    actor: opts.actor,
    ...(opts.person ? { person: opts.person } : {}),
    commandType,
    commandHash,
    eventCount: events.length,
    ...(opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}),
    ...(opts.reason ? { reason: opts.reason } : {}),
    ...(opts.documentRef ? { documentRef: opts.documentRef } : {}),
    ...(opts.correlationId ? { correlationId: opts.correlationId } : {}),
    ...(opts.causationId ? { causationId: opts.causationId } : {}),
  };
  return events.map((e, i) => ({
    eventId: opts.idempotencyKey ? eventIdFor(streamId, opts.idempotencyKey, i) : undefined,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: storedData(e.type, e.schemaVersion, e.data) as JsonObject,
    metadata,
    effectiveDate:
      e.type === 'BudgetUnitRegistered'
        ? e.data.registeredAt.slice(0, 10)
        : e.type === 'ReferenceCodesAdopted'
          ? e.data.adoptedAt.slice(0, 10)
          : effectiveDateOf(e),
  }));
}
