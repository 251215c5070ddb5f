import { createHash } from 'node:crypto';
import { stringify as stableStringify } from 'safe-stable-stringify';
import { v5 as uuidv5 } from 'uuid';
import {
  budgetStreamId,
  decide,
  decideUnit,
  effectiveDateOf,
  foldBudget,
  foldUnit,
  unitSnapshot,
  unitStreamId,
  type BudgetCommand,
  type BudgetEvent,
  type RegisterBudgetUnit,
  type UnitEvent,
} from '../domain';
import { BadInputError } from '../domain/errors';
import { canonicalJson } from '../events/canonical';
import { ConcurrencyError } from '../events/errors';
import type { EventStore } from '../events/event-store';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '../events/types';
import { IdempotencyMismatchError } from './errors';

/** Who asks, why, and what the caller believes about the stream. Recorded in every event's metadata. */
export interface CommandOptions {
  actor: string;
  /** The stream version the caller's decision was based on; a different version is a conflict. */
  expectedVersion?: bigint;
  /** A retry with the same key returns the first result; the same key with another command is refused. */
  idempotencyKey?: string;
  reason?: string;
  documentRef?: string;
  correlationId?: string;
  causationId?: string;
}

export interface CommandResult {
  streamId: string;
  nextExpectedVersion: bigint;
  events: { eventId: string; type: string; globalPosition: bigint; streamVersion: bigint }[];
  /** True when this was a retry answered from the log. */
  replayed: boolean;
}

// Event ids of an idempotent command are derived from its key, so a retry appends the same ids and
// the event store's own idempotency makes it a no-op.
const ID_NAMESPACE = '6f0f4c1e-3b8a-5d2e-9a41-2c7d9e0b5a10';
const MAX_ATTEMPTS = 5;

type Decider<E> = (history: RecordedEvent[]) => E[];

/**
 * The write side: load a stream, fold it, decide, append at the version read. Thin by design:
 * the rules live in src/domain, the storage guarantees in src/events. When the caller gave no
 * expected version, a concurrent change to the stream just means deciding again on the new state.
 */
export class LedgerService {
  constructor(private readonly store: EventStore) {}

  registerUnit(command: RegisterBudgetUnit, opts: CommandOptions): Promise<CommandResult> {
    const streamId = unitStreamId(command.data?.unitCode ?? '');
    return this.run<UnitEvent>(streamId, command, opts, (history) => decideUnit(command, foldUnit(history.map(asDomain<UnitEvent>))));
  }

  /** A command on the budget of `unitCode` in `fiscalYear` (for OpenFiscalYear, its own year). */
  async execute(unitCode: string, fiscalYear: number, command: BudgetCommand, opts: CommandOptions): Promise<CommandResult> {
    const streamId = budgetStreamId(unitCode, fiscalYear);
    let cmd = command;
    if (command.type === 'OpenFiscalYear') {
      if (command.data?.fiscalYear !== fiscalYear) throw new BadInputError('the command opens another fiscal year than the one addressed', { fiscalYear });
      const unit = unitSnapshot(foldUnit((await this.store.readStream(unitStreamId(unitCode))).map(asDomain<UnitEvent>)));
      cmd = { ...command, data: { ...command.data, unit } };
    }
    return this.run<BudgetEvent>(streamId, cmd, opts, (history) => decide(cmd, foldBudget(history.map(asDomain<BudgetEvent>))));
  }

  private async run<E extends BudgetEvent | UnitEvent>(streamId: string, command: { type: string }, opts: CommandOptions, decideOn: Decider<E>): Promise<CommandResult> {
    if (!opts.actor) throw new BadInputError('every command needs an actor');
    const commandHash = hashCommand(command);
    if (opts.idempotencyKey) {
      const replay = await this.replay(streamId, opts.idempotencyKey, commandHash);
      if (replay) return replay;
    }
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream(streamId);
      const version = history.length ? history[history.length - 1].streamVersion : 0n;
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== version) {
        throw new ConcurrencyError(streamId, opts.expectedVersion, version);
      }
      const events = decideOn(history);
      try {
        const result = await this.store.append(streamId, this.toNewEvents(streamId, events, command.type, commandHash, opts), version);
        return {
          streamId,
          nextExpectedVersion: result.nextExpectedVersion,
          replayed: result.alreadyRecorded,
          events: result.events.map((e, i) => ({ eventId: e.eventId, type: events[i].type, globalPosition: e.globalPosition, streamVersion: e.streamVersion })),
        };
      } catch (err) {
        // Someone appended between our read and our write: with no expectation of the caller's
        // to honour, decide again on the new state (rules are re-checked, nothing is lost).
        if (err instanceof ConcurrencyError && opts.expectedVersion === undefined && attempt < MAX_ATTEMPTS) continue;
        throw err;
      }
    }
  }

  /** Whether a command with this idempotency key was already recorded on the stream. */
  async isRecorded(streamId: string, idempotencyKey: string): Promise<boolean> {
    return (await this.store.readEvents([eventIdFor(streamId, idempotencyKey, 0)])).length > 0;
  }

  private async replay(streamId: string, key: string, commandHash: string): Promise<CommandResult | null> {
    const [first] = await this.store.readEvents([eventIdFor(streamId, key, 0)]);
    if (!first) return null;
    if (first.metadata.commandHash !== commandHash) throw new IdempotencyMismatchError(key);
    const count = Number(first.metadata.eventCount ?? 1);
    const events = await this.store.readEvents(Array.from({ length: count }, (_, i) => eventIdFor(streamId, key, i)));
    return {
      streamId,
      nextExpectedVersion: events[events.length - 1].streamVersion,
      replayed: true,
      events: events.map((e) => ({ eventId: e.eventId, type: e.type, globalPosition: e.globalPosition, streamVersion: e.streamVersion })),
    };
  }

  private toNewEvents(streamId: string, events: (BudgetEvent | UnitEvent)[], commandType: string, commandHash: string, opts: CommandOptions): NewEvent[] {
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
      data: e.data as unknown as JsonObject,
      metadata,
      effectiveDate: e.type === 'BudgetUnitRegistered' ? e.data.registeredAt.slice(0, 10) : effectiveDateOf(e),
    }));
  }
}

function eventIdFor(streamId: string, key: string, index: number): string {
  return uuidv5(`${streamId}\n${key}\n${index}`, ID_NAMESPACE);
}

/** SHA-256 of the command's canonical JSON (sorted keys, NFC): the identity of "the same command". */
export function hashCommand(command: unknown): string {
  return createHash('sha256').update(stableStringify(canonicalJson(command)) ?? '').digest('hex');
}

function asDomain<E>(e: RecordedEvent): E {
  return { type: e.type, schemaVersion: e.schemaVersion, data: e.data } as unknown as E;
}
