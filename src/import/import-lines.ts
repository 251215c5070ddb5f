/**
 * `import-lines`: a CSV or XLSX file of budget lines into the ledger, through the ordinary write
 * path. Parse → validate every line (all errors, with line numbers) → plan the commands → decide
 * each on the current state (dry run) → apply, only when nothing was refused. Idempotency keys
 * come from the file's SHA-256, and a command already in the log is skipped, so importing the same
 * file again appends nothing.
 *
 * All or nothing: nothing is applied if any line is bad, and the events of every unit the file
 * addresses are appended in one transaction (EventStore.appendAll), so a concurrent change to one
 * unit-year cannot leave the others applied: the import decides again on the new states, or fails
 * having applied nothing.
 */
import { createHash } from 'node:crypto';
import { asDomain, hashCommand, type LedgerService, type PreparedBatch } from '../app/ledger-service';
import {
  budgetStreamId,
  foldUnit,
  isRuleError,
  referenceFor,
  unitStreamId,
  type BudgetState,
  type UnitEvent,
} from '../domain';
import { ConcurrencyError } from '../events/errors';
import type { EventStore } from '../events/event-store';
import type { RecordedEvent } from '../events/types';
import { parseCsvSheet } from './csv';
import { planCommands, type PlannedCommand } from './plan';
import type { ImportError, Sheet } from './sheet';
import type { ImportKind } from './template';
import { unitCodesOf, validateSheet, type UnitTarget } from './validate';
import { parseXlsxSheet } from './xlsx';

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
  /** Told how long each phase took (parse, units, validate, plan, decide, apply), in ms: for benchmarks and logs. */
  onPhase?: (phase: ImportPhase, milliseconds: number) => void;
}

export type ImportPhase = 'parse' | 'units' | 'validate' | 'plan' | 'decide' | 'apply';

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
  errors: ImportError[];
  ignoredColumns: string[];
  commands: CommandReport[];
}

export function detectFormat(bytes: Buffer, fileName: string): FileFormat {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

export async function readSheet(bytes: Buffer, format: FileFormat, kind: ImportKind): Promise<Sheet> {
  return format === 'xlsx' ? parseXlsxSheet(bytes, kind) : parseCsvSheet(bytes, kind);
}


/**
 * Where each unit's lines can go: its open budget for the year, if it is --unit or one of its
 * units. The unit streams the file needs are read in one round trip, the unit-years' states in
 * another (LedgerService.budgetStates, which prepareMany then finds up to date).
 */
async function resolveUnits(service: LedgerService, store: EventStore, codes: readonly string[], opts: ImportLinesOptions): Promise<Map<string, UnitTarget>> {
  const targets = new Map<string, UnitTarget>();
  const streams = new Map<string, { budget: string; unit: string | null }>();
  for (const code of codes) {
    try {
      streams.set(code, { budget: budgetStreamId(code, opts.fiscalYear), unit: code === opts.unitCode ? null : unitStreamId(code) });
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
  wanted.forEach(([code, s], i) => targets.set(code, targetOf(code, s.unit ? units.get(s.unit)! : null, budgets[i]!.state, opts)));
  return new Map(codes.map((code) => [code, targets.get(code)!]));
}

function targetOf(unitCode: string, unitEvents: RecordedEvent[] | null, state: BudgetState, opts: ImportLinesOptions): UnitTarget {
  if (unitEvents) {
    const unit = foldUnit(unitEvents.map(asDomain<UnitEvent>));
    if (unit.status !== 'registered') return { ok: false, ruleId: 'unit.unknown', message: `unit ${unitCode} is not registered` };
    if (unit.departmentCode !== opts.unitCode && unit.parentUnitCode !== opts.unitCode) {
      return { ok: false, ruleId: 'import.unit', message: `unit ${unitCode} is neither --unit ${opts.unitCode} nor one of its units (department ${unit.departmentCode}, parent ${unit.parentUnitCode ?? '-'})` };
    }
  }
  if (state.status === 'not-opened') return { ok: false, ruleId: 'year.not-open', message: `unit ${unitCode} has not opened ${opts.fiscalYear} (register the unit and open the year first)` };
  if (state.status === 'closed') return { ok: false, ruleId: 'year.closed', message: `unit ${unitCode} has closed ${opts.fiscalYear}` };
  return { ok: true, state };
}

/** Maps with at most `limit` calls in flight (different unit-year streams proceed in parallel). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Streams read and decided at once; each unit-year is its own stream, so they do not contend. */
const PARALLEL_STREAMS = 4;

/** The version of the parsing and planning that turn a file into commands (see `identity` below). */
const IMPORT_PLAN = 1;

/** Decide-and-commit rounds before a file whose unit-years keep changing under it is given up. */
const COMMIT_ATTEMPTS = 3;

function idOf(p: PlannedCommand): string {
  const d = p.command.data as { allocationId?: string; carryOverId?: string; adjustmentId?: string };
  return d.allocationId ?? d.carryOverId ?? d.adjustmentId ?? '';
}

export async function importLines(service: LedgerService, store: EventStore, opts: ImportLinesOptions): Promise<ImportLinesReport> {
  const sha256 = createHash('sha256').update(opts.bytes).digest('hex');
  const format = opts.format ?? detectFormat(opts.bytes, opts.fileName);
  const phase = phaseClock(opts.onPhase);
  const sheet = await readSheet(opts.bytes, format, opts.kind);
  phase('parse');
  const report: ImportLinesReport = { ok: false, format, sha256, rows: sheet.rows.length, errors: [], ignoredColumns: sheet.ignored, commands: [] };
  const fail = (errors: ImportError[]): ImportLinesReport => ({ ...report, errors });
  if (sheet.errors.length > 0) return fail(sheet.errors);

  let reference;
  try {
    reference = referenceFor(opts.fiscalYear);
  } catch (err) {
    if (!isRuleError(err)) throw err;
    return fail([{ line: 1, column: 'fiscal_year', ruleId: err.details.ruleId, message: err.message }]);
  }
  const codes = unitCodesOf(sheet, opts.unitCode);
  const units = await resolveUnits(service, store, codes, opts);
  phase('units');
  // Every line is checked by the domain when its command is decided below; the file's own
  // checks run first without those line checks, and everything runs again with them only when
  // something is wrong, so that the report lists every error of the file.
  const context = { kind: opts.kind, unitCode: opts.unitCode, fiscalYear: opts.fiscalYear, reference, units };
  const allErrors = () => validateSheet(sheet, context).errors;
  const validated = validateSheet(sheet, { ...context, lineChecks: false });
  phase('validate');
  if (validated.errors.length > 0) return fail(allErrors());

  const planOptions = { sha256, allocationId: opts.allocationId, documentNumber: opts.documentNumber, date: opts.date ?? new Date().toISOString().slice(0, 10), actor: opts.actor, chunkLines: opts.chunkLines };
  const planned = planCommands(validated, planOptions);
  const isRecorded = await service.recordedKeys(planned.map((p) => ({ streamId: budgetStreamId(p.unitCode, opts.fiscalYear), idempotencyKey: p.idempotencyKey })));
  const recorded = new Set(planned.filter((_, i) => isRecorded[i]).map((p) => p.idempotencyKey));
  phase('plan');

  // Each unit's commands not yet in the log, in file order (its chunks build on each other).
  const byUnit = new Map<string, number[]>();
  planned.forEach((p, i) => {
    if (recorded.has(p.idempotencyKey)) return;
    const list = byUnit.get(p.unitCode);
    if (list) list.push(i);
    else byUnit.set(p.unitCode, [i]);
  });
  const documentRef = `${opts.fileName} sha256:${sha256}`;
  const commandOptions = { actor: opts.actor, documentRef, reason: `import-lines ${opts.kind}`, correlationId: `import:${sha256}` };
  // A planned command is a pure function of the file, the import kind, the planning options and
  // its place in the plan (its idempotency key), so those identify it: hashing them instead of
  // the command spares hashing every line of the file again (BatchCommand.commandHash).
  // The actor is part of an adjustment (its submitter), not of an allocation. IMPORT_PLAN says
  // which planner made the command: a change to parsing or planning bumps it.
  const identity = (key: string) =>
    hashCommand({
      importLines: {
        plan: IMPORT_PLAN,
        idempotencyKey: key,
        kind: opts.kind,
        allocationId: planOptions.allocationId ?? null,
        documentNumber: planOptions.documentNumber ?? null,
        date: planOptions.date,
        chunkLines: planOptions.chunkLines ?? null,
        ...(opts.kind === 'adjustments' ? { submittedBy: planOptions.actor } : {}),
      },
    });
  const batchOf = (indexes: readonly number[]) =>
    indexes.map((i) => ({ command: planned[i]!.command, idempotencyKey: planned[i]!.idempotencyKey, commandHash: identity(planned[i]!.idempotencyKey) }));
  // The domain decides every command once, through the write path (LedgerService.prepareMany:
  // the unit-year's stream read and folded once, each command decided on the evolving state),
  // for every unit before anything is appended; then every unit's events go in one transaction,
  // each unit's at the version it was decided on: all are applied or none.
  const unitBatches = [...byUnit];
  const decideAll = () => mapLimit(unitBatches, PARALLEL_STREAMS, ([code, indexes]) => service.prepareMany(code, opts.fiscalYear, batchOf(indexes), commandOptions));
  const refusalsOf = (batches: readonly PreparedBatch[]): ImportError[] =>
    batches.flatMap((batch, u) =>
      batch.ok
        ? []
        : batch.refusals.map(({ index, error }) => {
            const p = planned[unitBatches[u]![1][index]!]!;
            const d = error.details;
            const line = (typeof d.lineId === 'string' ? p.lineRows.get(d.lineId) : undefined) ?? p.line;
            return { line, column: null, ruleId: d.ruleId, message: error.message };
          }),
    );
  let prepared = await decideAll();
  phase('decide');
  let refused = refusalsOf(prepared);
  if (refused.length > 0) {
    const errors = allErrors();
    return fail(errors.length > 0 ? errors : refused.sort((a, b) => a.line - b.line));
  }

  report.commands = planned.map((p) => ({ unitCode: p.unitCode, type: p.command.type, id: idOf(p), lines: p.lineCount, status: recorded.has(p.idempotencyKey) ? 'already-imported' : 'would-apply' }));
  if (opts.dryRun) return { ...report, ok: true };
  for (let attempt = 1; ; attempt++) {
    try {
      const results = await service.commitAll(prepared);
      results.forEach((result, u) =>
        result.commands.forEach((c, j) => {
          report.commands[unitBatches[u]![1][j]!]!.status = c.replayed ? 'already-imported' : 'applied';
        }),
      );
      break;
    } catch (err) {
      // A unit-year changed since it was decided, and nothing was applied: decide everything
      // again on the new states (rules re-checked) and try once more.
      if (!(err instanceof ConcurrencyError) || attempt >= COMMIT_ATTEMPTS) throw err;
      prepared = await decideAll();
      refused = refusalsOf(prepared);
      if (refused.length > 0) return fail(refused.sort((a, b) => a.line - b.line));
    }
  }
  phase('apply');
  return { ...report, ok: true };
}

/** The report as the CLI prints it. */
export function reportText(file: string, r: ImportLinesReport, dryRunFlag = false): string {
  const out: string[] = [];
  if (r.ignoredColumns.length > 0) out.push(`ignored columns: ${r.ignoredColumns.join(', ')}`);
  if (!r.ok) {
    out.push(`${file}: ${r.errors.length} error${r.errors.length === 1 ? '' : 's'} in ${r.rows} lines; nothing applied`);
    for (const e of r.errors) out.push(`line ${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.ruleId}: ${e.message}`);
    return `${out.join('\n')}\n`;
  }
  const applied = r.commands.filter((c) => c.status === 'applied').length;
  const skipped = r.commands.filter((c) => c.status === 'already-imported').length;
  const verb = dryRunFlag ? 'valid (dry run, nothing applied)' : 'imported';
  out.push(`${file}: ${r.rows} lines ${verb}: ${r.commands.length} commands (${applied} applied, ${skipped} already imported); sha256 ${r.sha256}`);
  for (const c of r.commands) out.push(`  ${c.status.padEnd(16)} ${c.unitCode} ${c.type} ${c.id} (${c.lines} lines)`);
  return `${out.join('\n')}\n`;
}
