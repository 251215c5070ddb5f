/**
 * `import-lines`: a CSV or XLSX file of budget lines into the ledger, through the domain's own
 * decisions. The file is split by unit (partition.ts); each unit's rows are read, checked (every
 * error, with its line number), planned into commands and decided by the domain on the unit-year's
 * state (unit-task.ts), on worker threads when the caller gives a pool (workers.ts); the units
 * already decided are appended while the others are still being decided. Idempotency keys come
 * from the file's SHA-256, and a command already in the log is skipped, so importing the same file
 * again appends nothing.
 *
 * All or nothing: the events of every unit the file addresses are appended in ONE transaction
 * (LedgerService.appendDecidedBatches), which is rolled back when any line of any unit is refused,
 * so
 * nothing is applied if any line is bad; and a concurrent change to one unit-year cannot leave the
 * others applied: the import decides again on the new states, or fails having applied nothing.
 */
import { webcrypto } from 'node:crypto';
import { asDomain, type LedgerService } from '../app/ledger-service';
import { decideAgainOnConflict } from '../app/retry';
import {
  budgetStreamId,
  foldUnit,
  isRuleError,
  unitStreamId,
  type BudgetState,
  type UnitEvent,
} from '../domain';
import type { EventStore } from '../events/event-store';
import type { AppendBatch, RecordedEvent } from '../events/types';
import { decode, notUtf8, strictGrid } from './csv';
import {
  candidateKeysOf,
  partitionGrid,
  partitionPlainCsv,
  type Partition,
  type PartitionOptions,
  type UnitRows,
} from './partition';
import type { ImportError } from './sheet';
import type { ImportKind } from './template';
import type { UnitResult, UnitTask } from './unit-task';
import { onThisThread, type UnitRunner } from './workers';
import { xlsxGrid } from './xlsx';

export type FileFormat = 'csv' | 'xlsx';

export interface ImportLinesOptions {
  /** The file's name, recorded (with its SHA-256) as the events' documentRef. */
  fileName: string;
  bytes: Buffer;
  /** Default: XLSX when the bytes are a zip (PK\x03\x04), else CSV. */
  format?: FileFormat;
  unitCode: string;
  fiscalYear: number;
  kind: ImportKind;
  dryRun?: boolean;
  allocationId?: string;
  documentNumber?: string | null;
  /** Business date of the allocation / submission; default today (UTC). */
  date?: string;
  actor: string;
  chunkLines?: number;
  /**
   * Where units are checked and decided: default this thread; an ImportWorkers pool for large
   * files.
   */
  workers?: UnitRunner;
  /**
   * Told how long each phase took (parse, units, decide, apply), in ms: for benchmarks and logs.
   */
  onPhase?: (phase: ImportPhase, milliseconds: number) => void;
}

/**
 * parse: the file split by unit; units: the unit-years' states and the commands already in the log;
 * decide: until every unit is checked and decided (the units decided first are appended meanwhile);
 * apply: the rest of the append and the commit.
 */
export type ImportPhase = 'parse' | 'units' | 'decide' | 'apply';

/** Reports the time since the previous call (or since it was made) to `onPhase`, if any. */
function phaseClock(onPhase: ImportLinesOptions['onPhase']): (phase: ImportPhase) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    onPhase?.(phase, now - last);
    last = now;
  };
}

export interface CommandReport {
  unitCode: string;
  type: string;
  id: string;
  lines: number;
  status: 'applied' | 'already-imported' | 'would-apply';
}

export interface ImportLinesReport {
  ok: boolean;
  format: FileFormat;
  sha256: string;
  /** Data rows read. */
  rows: number;
  /** The first MAX_REPORTED_ERRORS errors by line; errorCount says how many there are in all. */
  errors: ImportError[];
  errorCount: number;
  ignoredColumns: string[];
  commands: CommandReport[];
}

/** A file of 100,000 bad lines is reported by its first errors and their total, not all of them. */
export const MAX_REPORTED_ERRORS = 1000;

/** Array#push(...items) passes each item as an argument: past ~100,000 it overflows the stack. */
function appendAll<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

export function detectFormat(bytes: Buffer, fileName: string): FileFormat {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

const unreadable = (errors: ImportError[]): Partition => ({
  columns: [],
  positions: [],
  ignored: [],
  errors,
  rows: 0,
  units: [],
});

/** The file's header and its rows by unit (see partition.ts). */
export async function partitionFile(
  bytes: Buffer,
  format: FileFormat,
  opts: PartitionOptions,
): Promise<Partition> {
  if (format === 'xlsx') {
    const grid = await xlsxGrid(bytes);
    return Array.isArray(grid) ? partitionGrid(grid, opts) : unreadable(grid.errors);
  }
  const text = decode(bytes);
  if (text === null) return unreadable(notUtf8().errors);
  if (!text.includes('"')) return partitionPlainCsv(text, opts);
  const grid = strictGrid(text);
  return Array.isArray(grid) ? partitionGrid(grid, opts) : unreadable(grid.errors);
}

type Target =
  | { ok: true; state: BudgetState; version: bigint }
  | { ok: false; ruleId: string; message: string };

/**
 * Where each unit's lines can go: its open budget for the year, if it is --unit or one of its
 * units. The unit streams the file needs are read in one round trip, the unit-years' states in
 * another (LedgerService.budgetStates).
 */
async function resolveUnits(
  service: LedgerService,
  store: EventStore,
  codes: readonly string[],
  opts: ImportLinesOptions,
): Promise<Map<string, Target>> {
  const targets = new Map<string, Target>();
  const streams = new Map<string, { budget: string; unit: string | null }>();
  for (const code of codes) {
    try {
      streams.set(code, {
        budget: budgetStreamId(code, opts.fiscalYear),
        unit: code === opts.unitCode ? null : unitStreamId(code),
      });
    } catch (err) {
      if (!isRuleError(err)) throw err;
      targets.set(code, { ok: false, ruleId: err.details.ruleId, message: err.message });
    }
  }
  const wanted = [...streams];
  const [units, budgets] = await Promise.all([
    store.readStreams(wanted.flatMap(([, s]) => (s.unit ? [s.unit] : []))),
    service.budgetStates(wanted.map(([, s]) => s.budget)),
  ]);
  wanted.forEach(([code, s], i) =>
    targets.set(code, targetOf(code, s.unit ? units.get(s.unit)! : null, budgets[i]!, opts)),
  );
  return targets;
}

function targetOf(
  unitCode: string,
  unitEvents: RecordedEvent[] | null,
  budget: { state: BudgetState; version: bigint },
  opts: ImportLinesOptions,
): Target {
  if (unitEvents) {
    const unit = foldUnit(unitEvents.map(asDomain<UnitEvent>));
    if (unit.status !== 'registered')
      return { ok: false, ruleId: 'unit.unknown', message: `unit ${unitCode} is not registered` };
    if (unit.departmentCode !== opts.unitCode && unit.parentUnitCode !== opts.unitCode) {
      return {
        ok: false,
        ruleId: 'import.unit',
        message: `unit ${unitCode} is neither --unit ${opts.unitCode} nor one of its units (department ${unit.departmentCode}, parent ${unit.parentUnitCode ?? '-'})`,
      };
    }
  }
  const { state } = budget;
  if (state.status === 'not-opened')
    return {
      ok: false,
      ruleId: 'year.not-open',
      message: `unit ${unitCode} has not opened ${opts.fiscalYear} (register the unit and open the year first)`,
    };
  if (state.status === 'closed')
    return {
      ok: false,
      ruleId: 'year.closed',
      message: `unit ${unitCode} has closed ${opts.fiscalYear}`,
    };
  return { ok: true, ...budget };
}

/** A unit the file cannot go to: one error on its first line, counting the others. */
function unitError(
  unit: Partition['units'][number],
  target: { ruleId: string; message: string },
): ImportError {
  const n = unit.lines.length - 1;
  const more = n > 0 ? ` (and ${n} more line${n === 1 ? '' : 's'} of unit ${unit.unitCode})` : '';
  return {
    line: unit.lines[0]!,
    column: 'unit_code',
    ruleId: target.ruleId,
    message: `${target.message}${more}`,
  };
}

/** Decide-and-commit rounds before a file whose unit-years keep changing under it is given up. */
const COMMIT_ATTEMPTS = 3;

/** Tasks started ahead of the one the append waits for, per thread of the runner. */
const AHEAD_PER_THREAD = 8;

/**
 * Runs the tasks in order, a bounded number ahead: results are taken in stream order (the append's
 * order), and a pool handed every task at once finishes them in an order of its own, leaving the
 * append waiting on a late one while the rest are done. `settle(i)` is task i's result (its
 * failure rethrown), to be asked for in order.
 */
function inOrder(
  tasks: readonly UnitTask[],
  runner: UnitRunner,
): { settle(i: number): Promise<UnitResult>; stop(): void } {
  const results: Promise<UnitResult | { thrown: unknown }>[] = [];
  let stopped = false;
  const start = (i: number): void => {
    if (stopped || i >= tasks.length || i < results.length) return;
    // A failure is kept as a value, so that none goes unhandled while earlier tasks are awaited.
    results[i] = runner.run(tasks[i]!).then(
      (r) => r,
      (thrown: unknown) => ({ thrown }),
    );
    void results[i]!.then(() => start(results.length));
  };
  for (let i = 0; i < Math.min(tasks.length, AHEAD_PER_THREAD * runner.concurrency); i++) start(i);
  return {
    async settle(i) {
      const r = await results[i]!;
      if ('thrown' in r) throw r.thrown;
      return r;
    },
    // No task is started after this (those running finish, their results unread).
    stop: () => void (stopped = true),
  };
}

/** Thrown into the append to roll it back: a unit was refused. */
class Refused extends Error {}

const byLine = (a: ImportError, b: ImportError) => a.line - b.line;

export async function importLines(
  service: LedgerService,
  store: EventStore,
  opts: ImportLinesOptions,
): Promise<ImportLinesReport> {
  // The file's SHA-256 (its commands' identity) on libuv's thread pool while this thread splits
  // the file: nothing else can start before both are done (a 7 MB file: ~20 ms each).
  const digest = webcrypto.subtle.digest('SHA-256', opts.bytes);
  const format = opts.format ?? detectFormat(opts.bytes, opts.fileName);
  const phase = phaseClock(opts.onPhase);
  const partition = await partitionFile(opts.bytes, format, {
    kind: opts.kind,
    defaultUnit: opts.unitCode,
  });
  const sha256 = Buffer.from(await digest).toString('hex');
  const plan = {
    sha256,
    allocationId: opts.allocationId,
    documentNumber: opts.documentNumber,
    date: opts.date ?? new Date().toISOString().slice(0, 10),
    actor: opts.actor,
    chunkLines: opts.chunkLines,
  };
  const keysOf = (unit: UnitRows) => candidateKeysOf(unit, sha256, opts.chunkLines);
  phase('parse');
  const report: ImportLinesReport = {
    ok: false,
    format,
    sha256,
    rows: partition.rows,
    errors: [],
    errorCount: 0,
    ignoredColumns: partition.ignored,
    commands: [],
  };
  const fail = (errors: ImportError[]): ImportLinesReport => ({
    ...report,
    errors: errors.sort(byLine).slice(0, MAX_REPORTED_ERRORS),
    errorCount: errors.length,
  });
  if (partition.errors.length > 0) return fail(partition.errors);
  try {
    service.references.index(opts.fiscalYear);
  } catch (err) {
    if (!isRuleError(err)) throw err;
    return fail([
      { line: 1, column: 'fiscal_year', ruleId: err.details.ruleId, message: err.message },
    ]);
  }
  const metadata = {
    actor: opts.actor,
    documentRef: `${opts.fileName} sha256:${sha256}`,
    reason: `import-lines ${opts.kind}`,
    correlationId: `import:${sha256}`,
  };
  const runner = opts.workers ?? onThisThread;

  // A unit-year changed since it was decided, and nothing was applied: decide everything again on
  // the new states (rules re-checked) and try once more.
  return decideAgainOnConflict(COMMIT_ATTEMPTS, async () => {
    const targets = await resolveUnits(
      service,
      store,
      partition.units.map((u) => u.unitCode),
      opts,
    );
    const unitErrors = partition.units.flatMap((u) => {
      const t = targets.get(u.unitCode)!;
      return t.ok ? [] : [unitError(u, t)];
    });
    // The units the file can go to, in stream order: the order appendInOneTransaction takes them
    // in.
    // (Only those: a unit code no stream may have is one of unitErrors, reported on its line.)
    const open = partition.units
      .flatMap((unit) => {
        const target = targets.get(unit.unitCode)!;
        return target.ok
          ? [{ unit, streamId: budgetStreamId(unit.unitCode, opts.fiscalYear), target }]
          : [];
      })
      .sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
    // A command of this file already in the log (the same bytes, whatever the options this time) is
    // skipped.
    const candidates = open.flatMap((u) =>
      keysOf(u.unit).map((key) => ({ streamId: u.streamId, idempotencyKey: key })),
    );
    const isRecorded = await service.recordedKeys(candidates);
    const recorded = new Set(
      candidates.filter((_, i) => isRecorded[i]).map((c) => `${c.streamId}\n${c.idempotencyKey}`),
    );
    phase('units');

    // The lists the service decides with now, handed to every unit's task (and thread).
    const adoptedCodes = service.references.current.adoptedCodes(opts.fiscalYear);
    const tasks: UnitTask[] = open.map(({ unit, streamId, target }) => ({
      kind: opts.kind,
      defaultUnit: opts.unitCode,
      fiscalYear: opts.fiscalYear,
      positions: partition.positions,
      unit,
      streamId,
      state: target.state,
      adoptedCodes,
      plan,
      recorded: keysOf(unit).filter((key) => recorded.has(`${streamId}\n${key}`)),
      metadata,
    }));
    const { settle, stop } = inOrder(tasks, runner);
    const errors = [...unitErrors];
    // Every command, in the order of its first line in the file. `replayed`: units whose append
    // found every event already recorded (the same file imported meanwhile by someone else).
    const reportOf = (
      decided: UnitResult[],
      applied: boolean,
      replayed: ReadonlySet<number> = new Set(),
    ) =>
      decided
        .flatMap((r, i) => (r.ok ? r.commands.map((c) => ({ c, i })) : []))
        .sort((a, b) => a.c.line - b.c.line)
        .map(({ c, i }): CommandReport => ({
          unitCode: open[i]!.unit.unitCode,
          type: c.type,
          id: c.id,
          lines: c.lines,
          status:
            c.recorded || replayed.has(i)
              ? 'already-imported'
              : applied
                ? 'applied'
                : 'would-apply',
        }));

    if (opts.dryRun || unitErrors.length > 0) {
      const decided: UnitResult[] = [];
      for (let i = 0; i < tasks.length; i++) decided.push(await settle(i));
      phase('decide');
      for (const r of decided) if (!r.ok) appendAll(errors, r.errors);
      return errors.length > 0
        ? fail(errors)
        : { ...report, ok: true, commands: reportOf(decided, false) };
    }

    const decided: UnitResult[] = [];
    /** The task of each batch appended, in order. */
    const appendedUnits: number[] = [];
    // Each unit's events as soon as they and those before them are decided.
    async function* groups(): AsyncGenerator<AppendBatch[]> {
      for (let i = 0; i < tasks.length; i++) {
        const r = await settle(i);
        decided.push(r);
        if (!r.ok) appendAll(errors, r.errors);
        // Once a unit is refused nothing will be applied: the rest are only checked, for the
        // report.
        else if (errors.length === 0 && r.events.length > 0) {
          appendedUnits.push(i);
          yield [
            { streamId: tasks[i]!.streamId, events: r.events, expected: open[i]!.target.version },
          ];
        }
      }
      phase('decide');
      if (errors.length > 0) throw new Refused();
    }
    try {
      const appended = await service.appendDecidedBatches(groups());
      phase('apply');
      const replayed = new Set(appendedUnits.filter((_, k) => appended[k]!.alreadyRecorded));
      return { ...report, ok: true, commands: reportOf(decided, true, replayed) };
    } catch (err) {
      if (err instanceof Refused) return fail(errors);
      // Whatever comes next, the rest of this round's units are not needed.
      stop();
      throw err;
    }
  });
}

/** The report as the CLI prints it. */
export function reportText(file: string, r: ImportLinesReport, dryRunFlag = false): string {
  const out: string[] = [];
  if (r.ignoredColumns.length > 0) out.push(`ignored columns: ${r.ignoredColumns.join(', ')}`);
  if (!r.ok) {
    out.push(
      `${file}: ${r.errorCount} error${r.errorCount === 1 ? '' : 's'} in ${r.rows} lines; nothing applied`,
    );
    if (r.errorCount > r.errors.length) out.push(`the first ${r.errors.length} by line:`);
    for (const e of r.errors)
      out.push(`line ${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.ruleId}: ${e.message}`);
    return `${out.join('\n')}\n`;
  }
  const applied = r.commands.filter((c) => c.status === 'applied').length;
  const skipped = r.commands.filter((c) => c.status === 'already-imported').length;
  const verb = dryRunFlag ? 'valid (dry run, nothing applied)' : 'imported';
  out.push(
    `${file}: ${r.rows} lines ${verb}: ${r.commands.length} commands (${applied} applied, ${skipped} already imported); sha256 ${r.sha256}`,
  );
  for (const c of r.commands)
    out.push(`  ${c.status.padEnd(16)} ${c.unitCode} ${c.type} ${c.id} (${c.lines} lines)`);
  return `${out.join('\n')}\n`;
}
