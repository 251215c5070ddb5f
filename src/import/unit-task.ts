/**
 * One unit's rows of an import file, from text to the events to append: read the cells, check
 * every line, plan the unit's commands and decide them through the domain (decideBatch) on the
 * unit-year's state. Pure and self-contained (the task is plain data, the result too), so that it
 * runs in a worker thread as well as on the main one (src/import/workers.ts).
 *
 * The unit's own checks run first without the domain's line checks; every line is checked by the
 * domain when its command is decided; only when something is wrong does everything run again,
 * with the line checks, so that the report lists every error of the unit's lines.
 */
import { hashCommand } from '../app/command-hash';
import { decideBatch } from '../app/decide-batch';
import { ReferenceLists, type AdoptedCode, type BudgetState } from '../domain';
import { canonicalJsonText } from '../events/canonical';
import type { EncodedEvent } from '../events/types';
import type { UnitRows } from './partition';
import {
  CHUNK_LINES,
  planCommands,
  refusalOf,
  type PlanOptions,
  type PlannedCommand,
} from './plan';
import { importRow, importRowsOfText, type ImportError, type ImportRow } from './sheet';
import type { Column, ImportKind } from './template';
import { validateSheet, type ValidationContext } from './validate';

/**
 * The version of the parsing and planning that turn a file into commands (see `identity` below).
 */
export const IMPORT_PLAN = 1;

export interface UnitTask {
  kind: ImportKind;
  /** --unit: the unit of rows whose unit_code is blank. */
  defaultUnit: string;
  fiscalYear: number;
  positions: [number, Column][];
  unit: UnitRows;
  streamId: string;
  /** The unit-year's current state (the caller read it at the version it will append at). */
  state: BudgetState;
  /**
   * The codes the ledger's lists have adopted into the year's shipped data (LedgerReferences), in
   * order: the unit is checked and decided against the shipped lists with these, the lists the
   * main thread has, on whichever thread it runs. (Only the codes travel: a copy of the year's
   * lists for every unit would cost an import of 100 units more than its checks.)
   */
  adoptedCodes: readonly AdoptedCode[];
  plan: PlanOptions;
  /** Keys of the unit's commands already in the log: skipped, reported as already imported. */
  recorded: string[];
  /** Recorded in every event's metadata. */
  metadata: { actor: string; documentRef: string; reason: string; correlationId: string };
}

export interface UnitCommand {
  type: string;
  id: string;
  lines: number;
  /** The file line of its first row. */
  line: number;
  recorded: boolean;
}

export type UnitResult =
  | { ok: true; commands: UnitCommand[]; events: EncodedEvent[] }
  | { ok: false; errors: ImportError[] };

/** The unit's rows with their cells by column. */
function rowsOf(task: UnitTask): ImportRow[] {
  const { rows, lines } = task.unit;
  // No quotes in the file (partition.ts): each line is a record, each comma ends a cell.
  if ('text' in rows) return importRowsOfText(rows.text, lines, task.positions);
  return rows.cells.map((c, i) => importRow(lines[i]!, c, task.positions));
}

/**
 * A planned command is a pure function of the file, the import kind, the planning options and its
 * place in the plan (its idempotency key), so those identify it: hashing them instead of the
 * command spares hashing every line of the file again (BatchEntry.commandHash). The actor is part
 * of an adjustment (its submitter), not of an allocation. IMPORT_PLAN says which planner made the
 * command: a change to parsing or planning bumps it.
 */
export function commandIdentity(kind: ImportKind, plan: PlanOptions, key: string): string {
  return hashCommand({
    importLines: {
      plan: IMPORT_PLAN,
      idempotencyKey: key,
      kind,
      allocationId: plan.allocationId ?? null,
      documentNumber: plan.documentNumber ?? null,
      date: plan.date,
      chunkLines: plan.chunkLines ?? null,
      ...(kind === 'adjustments' ? { submittedBy: plan.actor } : {}),
    },
  });
}

const idOf = (p: PlannedCommand): string => {
  const d = p.command.data as {
    allocationId?: string;
    carryOverId?: string;
    adjustmentId?: string;
  };
  return d.allocationId ?? d.carryOverId ?? d.adjustmentId ?? '';
};

const sheetOf = (task: UnitTask) => ({
  columns: task.positions.map(([, c]) => c),
  ignored: [],
  rows: rowsOf(task),
  errors: [],
});

export function checkUnit(task: UnitTask): UnitResult {
  const references = ReferenceLists.shipped([task.fiscalYear]).withAdoptedCodes(
    task.fiscalYear,
    task.adoptedCodes,
  );
  const context: ValidationContext = {
    kind: task.kind,
    unitCode: task.defaultUnit,
    fiscalYear: task.fiscalYear,
    reference: references.index(task.fiscalYear),
    units: new Map([[task.unit.unitCode, { ok: true, state: task.state }]]),
  };
  // Read again for a full check, only when something was refused: the rows (a few objects per
  // cell) are not kept alive while the unit is decided, so a garbage collection meanwhile has
  // fewer objects to move.
  const allErrors = () => validateSheet(sheetOf(task), context).errors;
  // The domain sees a line given twice within one command; only a unit whose lines are split into
  // several commands (CHUNK_LINES) needs the file's own look for them first.
  const validated = validateSheet(sheetOf(task), {
    ...context,
    lineChecks: false,
    duplicates: task.unit.lines.length > (task.plan.chunkLines ?? CHUNK_LINES),
  });
  if (validated.errors.length > 0) return { ok: false, errors: allErrors() };

  const planned = planCommands(validated, task.plan);
  const recorded = new Set(task.recorded);
  const decided = decideBatch(
    task.streamId,
    task.state,
    references,
    planned.map((p) => ({
      command: p.command,
      idempotencyKey: p.idempotencyKey,
      commandHash: commandIdentity(task.kind, task.plan, p.idempotencyKey),
      recorded: recorded.has(p.idempotencyKey),
    })),
    task.metadata,
  );
  if (!decided.ok) {
    const errors = allErrors();
    if (errors.length > 0) return { ok: false, errors };
    return {
      ok: false,
      errors: decided.refusals.map(({ index, error }) => refusalOf(planned[index]!, error)),
    };
  }
  // Encoded here, where they were decided: the thread that appends only sends the text.
  const events = decided.events.map(({ data, metadata, ...rest }) => ({
    ...rest,
    dataText: canonicalJsonText(data),
    metadataText: canonicalJsonText(metadata ?? {}),
  }));
  const commands = planned.map((p) => ({
    type: p.command.type,
    id: idOf(p),
    lines: p.lineCount,
    line: p.line,
    recorded: recorded.has(p.idempotencyKey),
  }));
  return { ok: true, commands, events };
}

/** Loads this module and the domain (ImportWorkers.warm runs it in each thread). */
export function warm(): boolean {
  return true;
}
