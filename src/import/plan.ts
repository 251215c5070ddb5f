/**
 * From validated lines to the domain commands that apply them, each with its idempotency key, and
 * a dry run of every command through the domain's own decide (which rejects what no single line
 * shows: a transfer that does not net to zero, a 三公 increase, a line going below zero, an id
 * already recorded). Pure.
 *
 * Allocations: one AllocateInitialBudget per unit (上年结转 lines: one RecordCarryOver), split into
 * events of at most CHUNK_LINES lines. Why split: a unit-year stream is read and folded on every
 * later command, and every event is hashed and projected as one value; a 100,000-line event would
 * be ~40 MB of JSON that every later command on that unit-year reads again. 5,000 lines (~2 MB)
 * keep an event an ordinary size while a whole file still goes in with one command run.
 */
import {
  foldBudget,
  lineId,
  tryDecide,
  type BudgetCommand,
  type BudgetState,
  type ReferenceLists,
  type RuleError,
} from '../domain';
import type { ImportError } from './sheet';
import type { ValidLine, Validated } from './validate';

export const CHUNK_LINES = 5000;

export interface PlannedCommand {
  unitCode: string;
  command: BudgetCommand;
  /** Idempotency key: the file's SHA-256 plus the command's place in the file. */
  idempotencyKey: string;
  /** The file line of the command's first row. */
  line: number;
  /** The file line of one of its line ids (made on first use: only a refusal needs it). */
  lineOf: (lineId: string) => number | undefined;
  lineCount: number;
}

export interface PlanOptions {
  sha256: string;
  /** Allocation / carry-over id; default `import-<first 12 hex of the SHA-256>`. */
  allocationId?: string;
  documentNumber?: string | null;
  /** Business date of the allocation or submission (YYYY-MM-DD). */
  date: string;
  actor: string;
  chunkLines?: number;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The idempotency key of a planned command: the file, the unit, and the command's place in the
 * file.
 */
export const commandKey = (sha256: string, unitCode: string, part: string): string =>
  `import:${sha256}:${unitCode}:${part}`;

/**
 * Every key planCommands can give a unit's commands, from what a file says of the unit without
 * reading its lines: its row count (allocations are split by origin into chunks of at most `size`
 * lines) or its adjustment ids. A superset: the keys that are asked for and not planned match
 * nothing.
 */
export function candidateKeys(
  sha256: string,
  unitCode: string,
  rows: number,
  adjustmentIds: readonly string[],
  size = CHUNK_LINES,
): string[] {
  const keys = adjustmentIds.map((id) => commandKey(sha256, unitCode, `adjustment:${id}`));
  for (let i = 0; i < Math.ceil(rows / size); i++)
    keys.push(
      commandKey(sha256, unitCode, `current:${i}`),
      commandKey(sha256, unitCode, `carry-over:${i}`),
    );
  return keys;
}

function rowsOf(lines: readonly ValidLine[]): (lineId: string) => number | undefined {
  let rows: Map<string, number> | undefined;
  return (id) => (rows ??= new Map(lines.map((l) => [l.lineId ?? lineId(l.key), l.line]))).get(id);
}

export function planCommands(validated: Validated, opts: PlanOptions): PlannedCommand[] {
  const size = opts.chunkLines ?? CHUNK_LINES;
  const base = opts.allocationId ?? `import-${opts.sha256.slice(0, 12)}`;
  const planned: PlannedCommand[] = [];
  for (const [unitCode, lines] of validated.allocations) {
    for (const origin of ['current', 'carry-over'] as const) {
      const parts = chunks(
        lines.filter((l) => l.key.origin === origin),
        size,
      );
      parts.forEach((part, i) => {
        const suffix =
          (origin === 'carry-over' ? '-carry-over' : '') + (parts.length > 1 ? `-${i + 1}` : '');
        const id = `${base}${suffix}`;
        const entries = part.map((l) => ({ line: l.key, amount: l.amount }));
        const command: BudgetCommand =
          origin === 'current'
            ? {
                type: 'AllocateInitialBudget',
                data: {
                  allocationId: id,
                  allocatedAt: opts.date,
                  documentNumber: opts.documentNumber ?? null,
                  lines: entries,
                },
              }
            : {
                type: 'RecordCarryOver',
                data: {
                  carryOverId: id,
                  recordedAt: opts.date,
                  documentNumber: opts.documentNumber ?? null,
                  lines: entries,
                },
              };
        planned.push({
          unitCode,
          command,
          idempotencyKey: commandKey(opts.sha256, unitCode, `${origin}:${i}`),
          line: part[0]!.line,
          lineOf: rowsOf(part),
          lineCount: part.length,
        });
      });
    }
  }
  for (const a of validated.adjustments) {
    const command: BudgetCommand = {
      type: 'SubmitAdjustment',
      data: {
        adjustmentId: a.adjustmentId,
        adjustmentType: a.adjustmentType,
        reason: a.reason,
        documentNumber: a.documentNumber,
        effectiveDate: a.effectiveDate,
        submittedBy: opts.actor,
        submittedAt: opts.date,
        lines: a.lines.map((l) => ({ line: l.key, delta: l.amount })),
      },
    };
    planned.push({
      unitCode: a.unitCode,
      command,
      idempotencyKey: commandKey(opts.sha256, a.unitCode, `adjustment:${a.adjustmentId}`),
      line: a.line,
      lineOf: rowsOf(a.lines),
      lineCount: a.lines.length,
    });
  }
  return planned;
}

/**
 * Decides every command on its unit's state (folding each unit's decided events so later commands
 * see earlier ones) and returns the refusals as import errors on the offending line. Commands in
 * `skip` (already in the ledger) are not decided again.
 */
export function dryRun(
  planned: readonly PlannedCommand[],
  states: ReadonlyMap<string, BudgetState>,
  references: ReferenceLists,
  skip: ReadonlySet<string> = new Set(),
): ImportError[] {
  const errors: ImportError[] = [];
  const current = new Map(states);
  for (const p of planned) {
    if (skip.has(p.idempotencyKey)) continue;
    const state = current.get(p.unitCode);
    if (!state) continue;
    const result = tryDecide(p.command, state, references);
    if (result.ok) {
      current.set(p.unitCode, foldBudget(result.events, state));
      continue;
    }
    errors.push(refusalOf(p, result.error));
  }
  return errors.sort((a, b) => a.line - b.line);
}

/** The domain's refusal of a planned command, on the line the rule names (else its first line). */
export function refusalOf(p: PlannedCommand, error: RuleError): ImportError {
  const { lineId, ruleId } = error.details;
  return {
    line: (typeof lineId === 'string' ? p.lineOf(lineId) : undefined) ?? p.line,
    column: null,
    ruleId,
    message: error.message,
  };
}
