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
  type RuleError,
  type UnitEvent,
} from '../domain';
import { BadInputError } from '../domain/errors';
import type { EventMetadata, JsonObject, NewEvent } from '../events/types';

/** Who asks, why, and on which document: recorded in every event's metadata. */
export interface MetadataOptions {
  actor: string;
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
      /** Per command: how many of `events` are its own (0 when already recorded). */
      counts: number[];
      /** Each event's type, in order. */
      types: string[];
    }
  /** Every refused command's index and rule error; the commands after one are decided without it, so one pass finds them all. */
  | { ok: false; refusals: { index: number; error: RuleError }[] };

// Event ids of an idempotent command are derived from its key, so a retry appends the same ids and
// the event store's own idempotency makes it a no-op.
const ID_NAMESPACE = '6f0f4c1e-3b8a-5d2e-9a41-2c7d9e0b5a10';

export function eventIdFor(streamId: string, key: string, index: number): string {
  return uuidv5(`${streamId}\n${key}\n${index}`, ID_NAMESPACE);
}

/**
 * Decides `entries` in order on `state` (the unit-year `streamId`). `unit` is the unit's snapshot,
 * needed only by an OpenFiscalYear command. Rule errors are returned; anything else is a bug and throws.
 */
export function decideBatch(
  streamId: string,
  fiscalYear: number,
  state: BudgetState,
  entries: readonly BatchEntry[],
  opts: MetadataOptions,
  unit?: { unitCode: string; name: string; kind: BudgetState['unitKind'] },
): DecidedBatch {
  const events: NewEvent[] = [];
  const counts: number[] = [];
  const types: string[] = [];
  const refusals: { index: number; error: RuleError }[] = [];
  let current = state;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.recorded) {
      counts.push(0);
      continue;
    }
    let cmd = entry.command;
    if (cmd.type === 'OpenFiscalYear') {
      if (cmd.data?.fiscalYear !== fiscalYear)
        throw new BadInputError('the command opens another fiscal year than the one addressed', {
          fiscalYear,
        });
      cmd = { ...cmd, data: { ...cmd.data, unit: unit! } };
    }
    let decided: BudgetEvent[];
    try {
      decided = decide(cmd, current);
    } catch (err) {
      if (!isRuleError(err)) throw err;
      refusals.push({ index: i, error: err });
      counts.push(0);
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
    counts.push(decided.length);
    types.push(...decided.map((e) => e.type));
  }
  return refusals.length > 0 ? { ok: false, refusals } : { ok: true, events, counts, types };
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
