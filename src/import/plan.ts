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
import { foldBudget, tryDecide, type BudgetCommand, type BudgetState, type ReferenceIndex } from '../domain';
import type { ImportError } from './sheet';
import type { ValidLine, Validated } from './validate';

export const CHUNK_LINES = 5000;

export interface PlannedCommand {
  unitCode: string;
  command: BudgetCommand;
  /** Idempotency key: the file's SHA-256 plus the command's place in the file. */
  idempotencyKey: string;
  /** The file line of the command's first row, and each line id's row. */
  line: number;
  lineRows: Map<string, number>;
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

const rowsOf = (lines: readonly ValidLine[]): Map<string, number> => new Map(lines.map((l) => [l.lineId, l.line]));

export function planCommands(validated: Validated, opts: PlanOptions): PlannedCommand[] {
  const size = opts.chunkLines ?? CHUNK_LINES;
  const base = opts.allocationId ?? `import-${opts.sha256.slice(0, 12)}`;
  const planned: PlannedCommand[] = [];
  for (const [unitCode, lines] of validated.allocations) {
    for (const origin of ['current', 'carry-over'] as const) {
      const parts = chunks(lines.filter((l) => l.key.origin === origin), size);
      parts.forEach((part, i) => {
        const suffix = (origin === 'carry-over' ? '-carry-over' : '') + (parts.length > 1 ? `-${i + 1}` : '');
        const id = `${base}${suffix}`;
        const entries = part.map((l) => ({ line: l.key, amount: l.amount }));
        const command: BudgetCommand =
          origin === 'current'
            ? { type: 'AllocateInitialBudget', data: { allocationId: id, allocatedAt: opts.date, documentNumber: opts.documentNumber ?? null, lines: entries } }
            : { type: 'RecordCarryOver', data: { carryOverId: id, recordedAt: opts.date, documentNumber: opts.documentNumber ?? null, lines: entries } };
        planned.push({ unitCode, command, idempotencyKey: `import:${opts.sha256}:${unitCode}:${origin}:${i}`, line: part[0]!.line, lineRows: rowsOf(part), lineCount: part.length });
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
    planned.push({ unitCode: a.unitCode, command, idempotencyKey: `import:${opts.sha256}:${a.unitCode}:adjustment:${a.adjustmentId}`, line: a.line, lineRows: rowsOf(a.lines), lineCount: a.lines.length });
  }
  return planned;
}

/**
 * Decides every command on its unit's state (folding each unit's decided events so later commands
 * see earlier ones) and returns the refusals as import errors on the offending line. Commands in
 * `skip` (already in the ledger) are not decided again.
 */
export function dryRun(planned: readonly PlannedCommand[], states: ReadonlyMap<string, BudgetState>, reference: ReferenceIndex, skip: ReadonlySet<string> = new Set()): ImportError[] {
  const errors: ImportError[] = [];
  const current = new Map(states);
  for (const p of planned) {
    if (skip.has(p.idempotencyKey)) continue;
    const state = current.get(p.unitCode);
    if (!state) continue;
    const result = tryDecide(p.command, state, { reference });
    if (result.ok) {
      current.set(p.unitCode, foldBudget(result.events, state));
      continue;
    }
    const d = result.error.details;
    const line = (typeof d.lineId === 'string' ? p.lineRows.get(d.lineId) : undefined) ?? p.line;
    errors.push({ line, column: null, ruleId: d.ruleId, message: result.error.message });
  }
  return errors.sort((a, b) => a.line - b.line);
}
