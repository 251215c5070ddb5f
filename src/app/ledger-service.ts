import {
  adoptReferenceCodes,
  budgetStreamId,
  decide,
  decideAdoption,
  referenceFor,
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
  type RuleError,
  type UnitEvent,
  type UnitState,
  upcast,
} from '../domain';
import { BadInputError } from '../domain/errors';
import { hashCommand } from './command-hash';
import { decideBatch, eventIdFor, toNewEvents } from './decide-batch';
import { FoldCache, type Fold } from './fold-cache';
import { ConcurrencyError } from '../events/errors';
import type { EventStore } from '../events/event-store';
import type { AppendBatch, AppendResult, NewEvent, RecordedEvent } from '../events/types';
import { IdempotencyMismatchError } from './errors';

export { hashCommand } from './command-hash';

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

const MAX_ATTEMPTS = 5;

/**
 * How many budget lines the kept unit-year folds may hold in all (a line's balance and key take a
 * few hundred bytes: ~150 MB). A unit-year with no lines counts as one.
 */
const CACHED_BUDGET_LINES = 500_000;

/** One command of a batch on one stream, with its own idempotency key. */
export interface BatchCommand {
  command: BudgetCommand;
  idempotencyKey?: string;
  /**
   * The command's identity for idempotency, when the caller has one that determines the command
   * entirely and costs less than hashing it (import-lines: the file's SHA-256 and the planning
   * inputs, instead of 200 KB of JSON per 1,000-line command). Default: hashCommand(command).
   */
  commandHash?: string;
}

/** What a batch did with each of its commands (same order as given). */
export interface BatchResult {
  streamId: string;
  nextExpectedVersion: bigint;
  commands: CommandResult[];
}

/**
 * A batch decided by the domain on one stream at one version, not yet appended: either every
 * command's events, or every refusal (each refused command's index and the domain's rule error;
 * the commands after a refused one are decided on the state without it, so that one pass finds
 * every refusal; then nothing can be appended). Commands whose idempotency key is already in the log are not decided
 * again (`recorded`). Only LedgerService.prepareMany makes one, and only LedgerService.commit
 * appends it, at the version it was decided on.
 */
export type PreparedBatch =
  | { ok: true; streamId: string; version: bigint; recorded: readonly boolean[] }
  | {
      ok: false;
      streamId: string;
      version: bigint;
      refusals: { index: number; error: RuleError }[];
    };

interface PreparedInternals {
  events: NewEvent[];
  /** Per command: how many of `events` are its own (0 when already recorded). */
  counts: number[];
  types: string[];
  committed: boolean;
}

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

  constructor(private readonly store: EventStore) {}

  registerUnit(command: RegisterBudgetUnit, opts: CommandOptions): Promise<CommandResult> {
    const streamId = unitStreamId(command.data?.unitCode ?? '');
    const load = async (): Promise<Fold<UnitState>> => {
      const history = await this.store.readStream(streamId);
      return {
        version: history.length ? history[history.length - 1]!.streamVersion : 0n,
        state: foldUnit(history.map(asDomain<UnitEvent>)),
      };
    };
    return this.run(streamId, command, opts, load, (state) => decideUnit(command, state));
  }

  /**
   * Codes of a year adopted from a document (see src/domain/reference/adopt.ts), on the year's
   * reference stream; once appended, this process's lists of the year have them (other processes
   * load them at start-up and from the event feed: src/app/reference-codes.ts).
   */
  async adoptCodes(command: AdoptReferenceCodes, opts: CommandOptions): Promise<CommandResult> {
    const fiscalYear = command.data?.fiscalYear;
    if (!Number.isInteger(fiscalYear))
      throw new BadInputError('AdoptReferenceCodes needs a fiscal year', { field: 'fiscalYear' });
    const streamId = referenceStreamId(fiscalYear);
    const load = async (): Promise<Fold<null>> => {
      const history = await this.store.readStream(streamId);
      // Adopted before by another process: known here too before deciding.
      for (const e of history)
        adoptReferenceCodes(fiscalYear, asDomain<ReferenceCodesAdopted>(e).data.codes);
      return {
        version: history.length ? history[history.length - 1]!.streamVersion : 0n,
        state: null,
      };
    };
    const result = await this.run(streamId, command, opts, load, () =>
      decideAdoption(command, referenceFor(fiscalYear)),
    );
    adoptReferenceCodes(fiscalYear, command.data.codes);
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
        version: events.length ? events[events.length - 1]!.streamVersion : 0n,
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
    return this.run(
      streamId,
      cmd,
      opts,
      async () => (await this.budgetStates([streamId]))[0]!,
      (state) => decide(cmd, state),
    );
  }

  /**
   * Several commands on the budget of one unit-year, decided in order on the evolving state (the
   * stream is read and folded once; each command sees the events of those before it) and appended
   * in ONE append at the version read. All or nothing: a rule error on any command throws and
   * appends nothing. A command whose idempotency key is already in the log is skipped and
   * reported as replayed (the same key with another command is refused). With no
   * `opts.expectedVersion`, a concurrent change means deciding the whole batch again.
   */
  async executeMany(
    unitCode: string,
    fiscalYear: number,
    commands: readonly BatchCommand[],
    opts: CommandOptions,
  ): Promise<BatchResult> {
    for (let attempt = 1; ; attempt++) {
      const prepared = await this.prepareMany(unitCode, fiscalYear, commands, opts);
      if (!prepared.ok) throw prepared.refusals[0]!.error;
      try {
        return await this.commit(prepared);
      } catch (err) {
        if (
          err instanceof ConcurrencyError &&
          opts.expectedVersion === undefined &&
          attempt < MAX_ATTEMPTS
        )
          continue;
        throw err;
      }
    }
  }

  /**
   * The decision half of executeMany: reads the stream once, checks the idempotency keys, and
   * decides every command not yet recorded on the evolving state. Appends nothing; refusals are
   * returned as values (each refused command's index and the domain's rule error). `commit` appends
   * the result at the version it was decided on (a ConcurrencyError if the stream moved since).
   * This is how a caller decides several streams before appending any (commitAll appends them in
   * one transaction). import-lines decides its units off the main thread instead (decideBatch).
   */
  async prepareMany(
    unitCode: string,
    fiscalYear: number,
    commands: readonly BatchCommand[],
    opts: CommandOptions,
  ): Promise<PreparedBatch> {
    if (!opts.actor) throw new BadInputError('every command needs an actor');
    if (opts.idempotencyKey)
      throw new BadInputError(
        'a batch takes an idempotency key per command, not one for the batch',
      );
    const streamId = budgetStreamId(unitCode, fiscalYear);
    const keys = commands.map((c) => c.idempotencyKey);
    if (
      new Set(keys.filter((k) => k !== undefined)).size !==
      keys.filter((k) => k !== undefined).length
    ) {
      throw new BadInputError('two commands of a batch have the same idempotency key', {
        streamId,
      });
    }
    const hashes = commands.map((c) => c.commandHash ?? hashCommand(c.command));
    // Which keys are already in the log: one read for the whole batch.
    const firstIds = commands.map((c) =>
      c.idempotencyKey ? eventIdFor(streamId, c.idempotencyKey, 0) : null,
    );
    const wanted = firstIds.filter((id): id is string => id !== null);
    const found = new Map(
      (wanted.length > 0 ? await this.store.readEvents(wanted) : []).map((e) => [e.eventId, e]),
    );
    const recorded = firstIds.map((id, i) => {
      const first = id === null ? undefined : found.get(id);
      if (!first) return false;
      if (first.metadata.commandHash !== hashes[i])
        throw new IdempotencyMismatchError(commands[i]!.idempotencyKey!);
      return true;
    });
    let unit: ReturnType<typeof unitSnapshot> | undefined;
    if (commands.some((c, i) => !recorded[i] && c.command.type === 'OpenFiscalYear')) {
      unit = unitSnapshot(
        foldUnit((await this.store.readStream(unitStreamId(unitCode))).map(asDomain<UnitEvent>)),
      );
    }
    const current = (await this.budgetStates([streamId]))[0]!;
    const version = current.version;
    const state = current.state;
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== version) {
      throw new ConcurrencyError(streamId, opts.expectedVersion, version);
    }
    const decided = decideBatch(
      streamId,
      fiscalYear,
      state,
      commands.map((c, i) => ({
        command: c.command,
        idempotencyKey: c.idempotencyKey,
        commandHash: hashes[i]!,
        recorded: recorded[i]!,
      })),
      opts,
      unit,
    );
    if (!decided.ok) return { ok: false, streamId, version, refusals: decided.refusals };
    const internals: PreparedInternals = {
      events: decided.events,
      counts: decided.counts,
      types: decided.types,
      committed: false,
    };
    const prepared: PreparedBatch = { ok: true, streamId, version, recorded };
    PREPARED.set(prepared, internals);
    return prepared;
  }

  /** Appends a prepared batch in one append at the version it was decided on. Once only. */
  async commit(prepared: PreparedBatch): Promise<BatchResult> {
    const [result] = await this.commitAll([prepared]);
    return result!;
  }

  /**
   * Appends prepared batches of several unit-years in ONE transaction, each at the version it was
   * decided on: all are recorded or none (a ConcurrencyError if any stream moved since). Once only.
   */
  async commitAll(batches: readonly PreparedBatch[]): Promise<BatchResult[]> {
    const internals = batches.map((prepared) => {
      const found = prepared.ok ? PREPARED.get(prepared) : undefined;
      if (!prepared.ok || !found)
        throw new BadInputError(
          'only a batch prepared by this service, without refusals, can be committed',
          { streamId: prepared.streamId },
        );
      if (found.committed)
        throw new BadInputError('this batch was already committed', {
          streamId: prepared.streamId,
        });
      return found;
    });
    // Marked before the append so that a second, concurrent commit of the same batch is refused;
    // unmarked if the append fails, since then nothing was recorded.
    for (const i of internals) i.committed = true;
    const writes = batches
      .map((b, i) => ({ prepared: b, internals: internals[i]! }))
      .filter((w) => w.internals.events.length > 0);
    const appends = writes.map((w) => ({
      streamId: w.prepared.streamId,
      events: w.internals.events,
      expected: w.prepared.version,
    }));
    let appended: AppendResult[];
    try {
      // One stream: one statement is its own transaction (appendAll would add BEGIN and COMMIT).
      appended =
        appends.length === 1
          ? [
              await this.store.append(
                appends[0]!.streamId,
                appends[0]!.events,
                appends[0]!.expected,
              ),
            ]
          : appends.length > 1
            ? await this.store.appendAll(appends)
            : [];
    } catch (err) {
      for (const i of internals) i.committed = false;
      throw err;
    }
    const byBatch = new Map(writes.map((w, i) => [w.prepared, appended[i]!.events]));
    return batches.map((b, i) =>
      batchResult(b as PreparedBatch & { ok: true }, internals[i]!, byBatch.get(b) ?? []),
    );
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
    if (opts.idempotencyKey) {
      const replay = await this.replay(streamId, opts.idempotencyKey, commandHash);
      if (replay) return replay;
    }
    for (let attempt = 1; ; attempt++) {
      const { version, state } = await load();
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== version) {
        throw new ConcurrencyError(streamId, opts.expectedVersion, version);
      }
      const events = decideOn(state);
      try {
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
      } catch (err) {
        // Someone appended between our read and our write: with no expectation of the caller's
        // to honour, decide again on the new state (rules are re-checked, nothing is lost).
        if (
          err instanceof ConcurrencyError &&
          opts.expectedVersion === undefined &&
          attempt < MAX_ATTEMPTS
        )
          continue;
        throw err;
      }
    }
  }

  /**
   * Appends batches decided elsewhere (decideBatch, in import workers) as they arrive, all in ONE
   * transaction: all or none (EventStore.appendEach). Each batch
   * carries the version its unit-year was decided on; a stream that moved since is a
   * ConcurrencyError, and nothing is appended.
   */
  commitDecided(groups: AsyncIterable<readonly AppendBatch[]>): Promise<AppendResult[]> {
    return this.store.appendEach(groups);
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

  /** The first event a command with this idempotency key recorded on the stream (one index probe), or null. */
  async firstRecorded(streamId: string, idempotencyKey: string): Promise<RecordedEvent | null> {
    const [first] = await this.store.readEvents([eventIdFor(streamId, idempotencyKey, 0)]);
    return first ?? null;
  }

  private async replay(
    streamId: string,
    key: string,
    commandHash: string,
  ): Promise<CommandResult | null> {
    const [first] = await this.store.readEvents([eventIdFor(streamId, key, 0)]);
    if (!first) return null;
    if (first.metadata.commandHash !== commandHash) throw new IdempotencyMismatchError(key);
    const count = Number(first.metadata.eventCount ?? 1);
    const events = await this.store.readEvents(
      Array.from({ length: count }, (_, i) => eventIdFor(streamId, key, i)),
    );
    return {
      streamId,
      nextExpectedVersion: events[events.length - 1].streamVersion,
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

/** Batches prepared by a LedgerService and what they would append (not reachable by callers). */
const PREPARED = new WeakMap<PreparedBatch, PreparedInternals>();

/** What a committed batch did with each of its commands, from the events its append recorded. */
function batchResult(
  prepared: PreparedBatch & { ok: true },
  internals: PreparedInternals,
  appended: AppendResult['events'],
): BatchResult {
  const { streamId } = prepared;
  const results: CommandResult[] = [];
  let at = 0;
  for (let i = 0; i < internals.counts.length; i++) {
    const n = internals.counts[i]!;
    if (prepared.recorded[i]) {
      results.push({ streamId, nextExpectedVersion: prepared.version, replayed: true, events: [] });
      continue;
    }
    const events = appended.slice(at, at + n).map((e, j) => ({
      eventId: e.eventId,
      type: internals.types[at + j]!,
      globalPosition: e.globalPosition,
      streamVersion: e.streamVersion,
    }));
    at += n;
    results.push({
      streamId,
      nextExpectedVersion: events.length
        ? events[events.length - 1]!.streamVersion
        : prepared.version,
      replayed: false,
      events,
    });
  }
  const nextExpectedVersion = appended.length
    ? appended[appended.length - 1]!.streamVersion
    : prepared.version;
  return { streamId, nextExpectedVersion, commands: results };
}

/** A stored event as the domain folds it (events are upcast here when a schema version changes). */
export function asDomain<E>(e: RecordedEvent): E {
  return {
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: upcast(e.type, e.schemaVersion, e.data),
  } as unknown as E;
}
