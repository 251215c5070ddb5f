import {
  budgetStreamId,
  decide,
  decideAdoption,
  referenceStreamId,
  type AdoptReferenceCodes,
  type ReferenceCodesAdopted,
  decideUnit,
  foldBudget,
  foldUnit,
  unitSnapshot,
  unitStreamId,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
  type RegisterBudgetUnit,
  type UnitEvent,
  type UnitState,
  upcast,
  type DecideInputs,
  type PublicationSubject,
} from '../domain';
import { disclosureFacts } from '../projections/disclosure-facts';
import { BadInputError } from '../domain/errors';
import { hashCommand } from './command-hash';
import { eventIdFor, toNewEvents } from './decide-batch';
import { FoldCache, type Fold } from './fold-cache';
import { ConcurrencyError } from '../events/errors';
import type { EventStore } from '../events/event-store';
import type { AppendBatch, AppendResult, RecordedEvent } from '../events/types';
import { IdempotencyMismatchError } from './errors';
import { LedgerReferences } from './reference-codes';
import { decideAgainOnConflict } from './retry';

export { hashCommand } from './command-hash';

/**
 * Who asks, why, and what the caller believes about the stream. Recorded in every event's metadata.
 */
export interface CommandOptions {
  actor: string;
  /** The person behind the actor's token, recorded beside it. */
  person?: string;
  /** The stream version the caller's decision was based on; a different version is a conflict. */
  expectedVersion?: bigint;
  /**
   * A retry with the same key returns the first result; the same key with another command is
   * refused.
   */
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

const MAX_ATTEMPTS = 5;

/**
 * How many budget lines the kept unit-year folds may hold in all (a line's balance and key take a
 * few hundred bytes: ~150 MB). A unit-year with no lines counts as one.
 */
const CACHED_BUDGET_LINES = 500_000;

/**
 * The write side: load a stream, fold it, decide, append at the version read. Thin by design:
 * the rules live in src/domain, the storage guarantees in src/events. When the caller gave no
 * expected version, a concurrent change to the stream just means deciding again on the new state.
 */
export class LedgerService {
  /** Unit-year states by stream, brought up to date on every use (FoldCache). */
  private readonly budgets = new FoldCache<BudgetState>(
    CACHED_BUDGET_LINES,
    (state) => Object.keys(state.lines).length,
  );

  /**
   * `references`: the owner of the ledger's reference lists, which this service decides with and
   * keeps up to date with the codes it adopts (a server shares it with its event feed and its read
   * side). Default: lists of the shipped data alone, for a caller that adopts nothing elsewhere.
   */
  constructor(
    private readonly store: EventStore,
    readonly references: LedgerReferences = new LedgerReferences(),
  ) {}

  registerUnit(command: RegisterBudgetUnit, opts: CommandOptions): Promise<CommandResult> {
    const streamId = unitStreamId(command.data?.unitCode ?? '');
    const load = async (): Promise<Fold<UnitState>> => {
      const history = await this.store.readStream(streamId);
      return {
        version: versionAfter(history),
        state: foldUnit(history.map(asDomain<UnitEvent>)),
      };
    };
    return this.run(streamId, command, opts, load, (state) => decideUnit(command, state));
  }

  /**
   * Codes of a year adopted from a document (see src/domain/reference/adopt.ts), on the year's
   * reference stream; once appended, `references` has them (other processes load them at start-up
   * and from the event feed: src/app/reference-codes.ts).
   */
  async adoptCodes(command: AdoptReferenceCodes, opts: CommandOptions): Promise<CommandResult> {
    const fiscalYear = command.data?.fiscalYear;
    if (!Number.isInteger(fiscalYear))
      throw new BadInputError('AdoptReferenceCodes needs a fiscal year', { field: 'fiscalYear' });
    const streamId = referenceStreamId(fiscalYear);
    const load = async (): Promise<Fold<null>> => {
      const history = await this.store.readStream(streamId);
      // Adopted before by another process: known here too before deciding.
      for (const e of history) this.references.apply(e);
      return {
        version: versionAfter(history),
        state: null,
      };
    };
    const result = await this.run(streamId, command, opts, load, () =>
      decideAdoption(command, this.references.index(fiscalYear)),
    );
    this.references.adopt(fiscalYear, command.data.codes);
    return result;
  }

  /**
   * The current state of unit-year streams, each with its version, in one read: a stream folded
   * before is brought up to date with only the events appended since (FoldCache).
   */
  async budgetStates(streamIds: readonly string[]): Promise<Fold<BudgetState>[]> {
    const cached = streamIds.map((id) => this.budgets.get(id));
    const newer = await this.store.readStreams(
      streamIds,
      cached.map((c) => (c ? c.version + 1n : null)),
    );
    return streamIds.map((id, i) => {
      const events = newer.get(id)!;
      const from = cached[i];
      if (events.length === 0 && from) return from;
      const fold = {
        version: versionAfter(events),
        state: foldBudget(events.map(asDomain<BudgetEvent>), from?.state),
      };
      if (fold.version > 0n) this.budgets.set(id, fold);
      return fold;
    });
  }

  /** A command on the budget of `unitCode` in `fiscalYear` (for OpenFiscalYear, its own year). */
  async execute(
    unitCode: string,
    fiscalYear: number,
    command: BudgetCommand,
    opts: CommandOptions,
  ): Promise<CommandResult> {
    const streamId = budgetStreamId(unitCode, fiscalYear);
    let cmd = command;
    if (command.type === 'OpenFiscalYear') {
      if (command.data?.fiscalYear !== fiscalYear)
        throw new BadInputError('the command opens another fiscal year than the one addressed', {
          fiscalYear,
        });
      const unit = unitSnapshot(
        foldUnit((await this.store.readStream(unitStreamId(unitCode))).map(asDomain<UnitEvent>)),
      );
      cmd = { ...command, data: { ...command.data, unit } };
    }
    const inputs: DecideInputs =
      cmd.type === 'PublishDisclosure'
        ? {
            publication: await this.publicationSubject(
              unitCode,
              fiscalYear,
              cmd.data?.ledgerPosition,
            ),
          }
        : {};
    return this.run(
      streamId,
      cmd,
      opts,
      async () => (await this.budgetStates([streamId]))[0]!,
      (state) => decide(cmd, state, this.references.current, inputs),
    );
  }

  /**
   * What the publication gate checks when `unitCode` publishes its year at `ledgerPosition`: the
   * facts of its department's disclosure as the ledger held them there (settled, so they never
   * change). Undefined for a malformed position or an unregistered unit, which decide refuses
   * before it needs them.
   */
  async publicationSubject(
    unitCode: string,
    fiscalYear: number,
    ledgerPosition: unknown,
  ): Promise<PublicationSubject | undefined> {
    if (typeof ledgerPosition !== 'string' || !/^\d+$/.test(ledgerPosition)) return undefined;
    const unit = foldUnit(
      (await this.store.readStream(unitStreamId(unitCode))).map(asDomain<UnitEvent>),
    );
    if (unit.status !== 'registered') return undefined;
    const facts = await disclosureFacts(this.store.pool, unit.departmentCode, fiscalYear, {
      position: BigInt(ledgerPosition),
    });
    return facts ? { ledgerPosition, facts } : undefined;
  }

  private async run<S, E extends BudgetEvent | UnitEvent | ReferenceCodesAdopted>(
    streamId: string,
    command: { type: string },
    opts: CommandOptions,
    load: () => Promise<Fold<S>>,
    decideOn: (state: S) => E[],
  ): Promise<CommandResult> {
    if (!opts.actor) throw new BadInputError('every command needs an actor');
    const commandHash = hashCommand(command);
    const key = opts.idempotencyKey;
    // With an expected version of the caller's to honour, a conflict is the caller's to resolve;
    // a retry of a keyed command still gets its first result, however it lost the race.
    const attempts = opts.expectedVersion === undefined || key ? MAX_ATTEMPTS : 1;
    return decideAgainOnConflict(attempts, async () => {
      // Asked on every attempt: copies of one request sent at once all pass the first check, and
      // the one that loses the race to append finds the winner's events here on its next attempt.
      const replay = key ? await this.replay(streamId, key, commandHash) : null;
      if (replay) return replay;
      const { version, state } = await load();
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== version) {
        throw new ConcurrencyError(streamId, opts.expectedVersion, version);
      }
      let events: E[];
      try {
        events = decideOn(state);
      } catch (err) {
        // A copy that committed between the check above and the load is in the state read: the
        // domain refuses its id as recorded, but for a copy of the same request that is a replay.
        const late = key ? await this.replay(streamId, key, commandHash) : null;
        if (late) return late;
        throw err;
      }
      const result = await this.store.append(
        streamId,
        toNewEvents(streamId, events, command.type, commandHash, opts),
        version,
      );
      return {
        streamId,
        nextExpectedVersion: result.nextExpectedVersion,
        replayed: result.alreadyRecorded,
        events: result.events.map((e, i) => ({
          eventId: e.eventId,
          type: events[i].type,
          globalPosition: e.globalPosition,
          streamVersion: e.streamVersion,
        })),
      };
    });
  }

  /**
   * Appends batches decided elsewhere (decideBatch, in import workers) as they arrive, all in ONE
   * transaction: all or none (EventStore.appendInOneTransaction). Each batch carries the version
   * its unit-year was decided on; a stream that moved since is a ConcurrencyError, and nothing is
   * appended.
   */
  appendDecidedBatches(groups: AsyncIterable<readonly AppendBatch[]>): Promise<AppendResult[]> {
    return this.store.appendInOneTransaction(groups);
  }

  /** Whether a command with this idempotency key was already recorded on the stream. */
  async isRecorded(streamId: string, idempotencyKey: string): Promise<boolean> {
    return (await this.firstRecorded(streamId, idempotencyKey)) !== null;
  }

  /** Which of these (stream, idempotency key) pairs are already in the log, in one read. */
  async recordedKeys(
    commands: readonly { streamId: string; idempotencyKey: string }[],
  ): Promise<boolean[]> {
    const ids = commands.map((c) => eventIdFor(c.streamId, c.idempotencyKey, 0));
    const found = new Set((await this.store.readEvents(ids)).map((e) => e.eventId));
    return ids.map((id) => found.has(id));
  }

  /**
   * The first event a command with this idempotency key recorded on the stream (one index probe),
   * or null.
   */
  async firstRecorded(streamId: string, idempotencyKey: string): Promise<RecordedEvent | null> {
    const [first] = await this.store.readEvents([eventIdFor(streamId, idempotencyKey, 0)]);
    return first ?? null;
  }

  private async replay(
    streamId: string,
    key: string,
    commandHash: string,
  ): Promise<CommandResult | null> {
    const first = await this.firstRecorded(streamId, key);
    if (!first) return null;
    if (first.metadata.commandHash !== commandHash) throw new IdempotencyMismatchError(key);
    const count = Number(first.metadata.eventCount ?? 1);
    const events = await this.store.readEvents(
      Array.from({ length: count }, (_, i) => eventIdFor(streamId, key, i)),
    );
    return {
      streamId,
      nextExpectedVersion: versionAfter(events),
      replayed: true,
      events: events.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        globalPosition: e.globalPosition,
        streamVersion: e.streamVersion,
      })),
    };
  }
}

/** The version of a stream whose latest events these are: 0 for none (an empty stream). */
function versionAfter(events: readonly RecordedEvent[]): bigint {
  return events.length ? events[events.length - 1]!.streamVersion : 0n;
}

/** A stored event as the domain folds it (events are upcast here when a schema version changes). */
export function asDomain<E>(e: RecordedEvent): E {
  return {
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: upcast(e.type, e.schemaVersion, e.data),
  } as unknown as E;
}
