/**
 * Line-by-line validation of an import file against the ledger's rules, collecting every error
 * (with its line number) instead of stopping at the first. Pure: the states of the unit-years the
 * file addresses are handed in. Each line goes through the domain's own checks (requireUsableLine:
 * codes known in the year, at the right level, kind ↔ economic class, project registered, the
 * year's line policy such as the economic mapping) and money through src/domain/money.
 */
import {
  isRuleError,
  lineId,
  Money,
  type AdjustmentType,
  type BudgetLineKey,
  type BudgetState,
  type ReferenceIndex,
} from '../domain';
import { requireDate, requireUsableLine } from '../domain/budget/validate';
import type { ImportError, ImportRow, Sheet } from './sheet';
import {
  ADJUSTMENT_TYPE_VALUES,
  FUND_SOURCE_VALUES,
  KIND_VALUES,
  ORIGIN_VALUES,
  type Column,
  type ImportKind,
} from './template';

/** Where the file's lines may go: a unit's open budget, or why they cannot go there. */
export type UnitTarget =
  { ok: true; state: BudgetState } | { ok: false; ruleId: string; message: string };

export interface ValidationContext {
  kind: ImportKind;
  /** --unit: the default unit_code (a file may also address units of this department). */
  unitCode: string;
  fiscalYear: number;
  reference: ReferenceIndex;
  /** Every unit code the file uses (partition.ts), resolved by the caller. */
  units: ReadonlyMap<string, UnitTarget>;
  /**
   * false: leave out what the domain checks again when it decides each line — requireUsableLine,
   * the amount, a line given twice in one command — for a caller that decides every line anyway
   * and, on any error or refusal, validates again with everything to report every error. Each
   * line is then checked once instead of twice. Default true.
   */
  lineChecks?: boolean;
  /**
   * With lineChecks false: still look for a line given twice (the caller's commands split a unit's
   * lines into several, and the domain sees only the duplicates within one). Default true.
   */
  duplicates?: boolean;
}

export interface ValidLine {
  line: number;
  key: BudgetLineKey;
  /** Its lineId, where it was made (always but with lineChecks and duplicates false). */
  lineId?: string;
  /**
   * Allocation amount (> 0) or adjustment delta (≠ 0), canonical yuan; with lineChecks false, the
   * cell as given (the domain parses it).
   */
  amount: string;
}

export interface AdjustmentHeader {
  adjustmentId: string;
  adjustmentType: AdjustmentType;
  documentNumber: string;
  reason: string;
  effectiveDate: string;
}

export interface ValidAdjustment extends AdjustmentHeader {
  unitCode: string;
  line: number;
  lines: ValidLine[];
}

export interface Validated {
  errors: ImportError[];
  /** Allocation files: valid lines by unit, in file order. */
  allocations: Map<string, ValidLine[]>;
  /** Adjustment files: one entry per (unit, adjustment_id), in order of first appearance. */
  adjustments: ValidAdjustment[];
  rows: number;
}

/** Maps a domain error's field to the file's column. */
const FIELD_COLUMNS: Record<string, Column> = {
  fundSource: 'fund_source',
  functionalCode: 'functional_code',
  kind: 'kind',
  deptEconCode: 'dept_econ_code',
  govEconCode: 'gov_econ_code',
  projectCode: 'project_code',
  origin: 'origin',
  amount: 'amount',
  delta: 'delta',
};

function columnOfError(
  details: Readonly<Record<string, unknown>>,
  fallback: Column | null,
): Column | null {
  const field = typeof details.field === 'string' ? details.field : undefined;
  if (field && FIELD_COLUMNS[field]) return FIELD_COLUMNS[field];
  if (details.ruleId === 'line.project-code' || details.ruleId === 'project.unknown')
    return 'project_code';
  if (details.ruleId === 'line.kind-economic') return 'dept_econ_code';
  if (typeof details.ruleId === 'string' && details.ruleId.startsWith('policy.'))
    return 'gov_econ_code';
  return fallback;
}

/** Runs a check; a rule error becomes an ImportError on `line`, anything else is a bug. */
function attempt<T>(
  line: number,
  column: Column | null,
  errors: ImportError[],
  fn: () => T,
): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (!isRuleError(err)) throw err;
    errors.push({
      line,
      column: columnOfError(err.details, column),
      ruleId: err.details.ruleId,
      message: err.message,
    });
    return undefined;
  }
}

function enumCell<T extends string>(
  row: ImportRow,
  column: Column,
  values: ReadonlyMap<string, T>,
  fallback: T | null,
  errors: ImportError[],
): T | undefined {
  const text = row.cells[column] ?? '';
  if (text === '') {
    if (fallback !== null) return fallback;
    errors.push({
      line: row.line,
      column,
      ruleId: 'input.invalid',
      message: `${column} is required`,
    });
    return undefined;
  }
  const value = values.get(text) ?? values.get(text.toLowerCase());
  if (value === undefined)
    errors.push({
      line: row.line,
      column,
      ruleId: 'input.invalid',
      message: `${column} ${JSON.stringify(text)} is not one of ${[...new Set(values.values())].join(', ')}`,
    });
  return value;
}

class UnitProblems {
  private readonly reported = new Map<string, ImportError>();
  private readonly extra = new Map<string, number>();

  /** Reports a unit-level problem once, on its first line, counting the other lines it affects. */
  note(
    unitCode: string,
    line: number,
    ruleId: string,
    message: string,
    errors: ImportError[],
  ): void {
    if (this.reported.has(unitCode)) {
      this.extra.set(unitCode, (this.extra.get(unitCode) ?? 0) + 1);
      return;
    }
    const error: ImportError = { line, column: 'unit_code', ruleId, message };
    this.reported.set(unitCode, error);
    errors.push(error);
  }

  finish(): void {
    for (const [unit, error] of this.reported) {
      const n = this.extra.get(unit);
      if (n) error.message += ` (and ${n} more line${n === 1 ? '' : 's'} of unit ${unit})`;
    }
  }
}

/** The line key and amount of one row, or undefined with its errors recorded. */
function validateRow(
  row: ImportRow,
  ctx: ValidationContext,
  state: BudgetState,
  errors: ImportError[],
): ValidLine | undefined {
  const before = errors.length;
  const yearText = row.cells.fiscal_year ?? '';
  if (yearText !== '' && yearText !== String(ctx.fiscalYear)) {
    errors.push({
      line: row.line,
      column: 'fiscal_year',
      ruleId: 'line.unit-or-year-mismatch',
      message: `fiscal_year ${yearText} is not the year imported (${ctx.fiscalYear})`,
    });
  }
  const fundSource = enumCell(row, 'fund_source', FUND_SOURCE_VALUES, null, errors);
  const kind = enumCell(row, 'kind', KIND_VALUES, null, errors);
  const origin = enumCell(row, 'origin', ORIGIN_VALUES, 'current', errors);
  const amountColumn: Column = ctx.kind === 'allocation' ? 'amount' : 'delta';
  const amountText = row.cells[amountColumn] ?? '';
  const full = ctx.lineChecks !== false;
  const amount = !full
    ? amountText
    : attempt(row.line, amountColumn, errors, () =>
        ctx.kind === 'allocation'
          ? Money.parsePositiveYuan(amountText, { field: 'amount' })
          : Money.parseDelta(amountText, { field: 'delta' }),
      );
  if (fundSource === undefined || kind === undefined || origin === undefined) return undefined;
  const key: BudgetLineKey = {
    unitCode: state.unitCode,
    fiscalYear: ctx.fiscalYear,
    fundSource,
    functionalCode: row.cells.functional_code ?? '',
    kind,
    deptEconCode: row.cells.dept_econ_code ?? '',
    govEconCode: row.cells.gov_econ_code ?? '',
    projectCode: row.cells.project_code ? row.cells.project_code : null,
    origin,
  };
  // Two literals, not a spread: a spread is a slow path per row and gives the lines two shapes.
  if (!full)
    return errors.length > before
      ? undefined
      : ctx.duplicates !== false
        ? { line: row.line, key, amount: amountText, lineId: lineId(key) }
        : { line: row.line, key, amount: amountText };
  const id = attempt(row.line, null, errors, () =>
    requireUsableLine(key, { state, reference: ctx.reference }),
  );
  if (id === undefined || amount === undefined || errors.length > before) return undefined;
  return { line: row.line, lineId: id, key, amount };
}

function adjustmentHeader(row: ImportRow, errors: ImportError[]): Partial<AdjustmentHeader> {
  const header: Partial<AdjustmentHeader> = { adjustmentId: row.cells.adjustment_id ?? '' };
  const type = row.cells.adjustment_type ?? '';
  if (type !== '')
    header.adjustmentType = enumCell(row, 'adjustment_type', ADJUSTMENT_TYPE_VALUES, null, errors);
  if (row.cells.document_number) header.documentNumber = row.cells.document_number;
  if (row.cells.reason) header.reason = row.cells.reason;
  const date = row.cells.effective_date ?? '';
  if (date !== '')
    header.effectiveDate = attempt(row.line, 'effective_date', errors, () =>
      requireDate(date, 'effective_date'),
    );
  return header;
}

const HEADER_COLUMNS: [keyof AdjustmentHeader, Column][] = [
  ['adjustmentType', 'adjustment_type'],
  ['documentNumber', 'document_number'],
  ['reason', 'reason'],
  ['effectiveDate', 'effective_date'],
];

interface AdjustmentGroup {
  unitCode: string;
  line: number;
  header: Partial<AdjustmentHeader>;
  lines: ValidLine[];
  bad: boolean;
}

/** Validates every row of a sheet; the result holds every error, or everything needed to apply. */
export function validateSheet(sheet: Sheet, ctx: ValidationContext): Validated {
  const errors: ImportError[] = [...sheet.errors];
  const allocations = new Map<string, ValidLine[]>();
  const groups = new Map<string, AdjustmentGroup>();
  const firstSeen = new Map<string, number>();
  const unitProblems = new UnitProblems();
  if (sheet.errors.length > 0)
    return { errors, allocations, adjustments: [], rows: sheet.rows.length };
  for (const row of sheet.rows) {
    const unitCode = row.cells.unit_code || ctx.unitCode;
    const target = ctx.units.get(unitCode);
    if (!target || !target.ok) {
      unitProblems.note(
        unitCode,
        row.line,
        target?.ruleId ?? 'unit.unknown',
        target?.message ?? `unit ${unitCode} is not known`,
        errors,
      );
      continue;
    }
    let group: AdjustmentGroup | undefined;
    if (ctx.kind === 'adjustments') {
      const header = adjustmentHeader(row, errors);
      if (!header.adjustmentId) {
        errors.push({
          line: row.line,
          column: 'adjustment_id',
          ruleId: 'input.invalid',
          message: 'adjustment_id is required',
        });
      } else {
        const groupKey = `${unitCode}\n${header.adjustmentId}`;
        group = groups.get(groupKey);
        if (!group) {
          group = { unitCode, line: row.line, header, lines: [], bad: false };
          groups.set(groupKey, group);
        } else {
          for (const [field, column] of HEADER_COLUMNS) {
            const value = header[field];
            if (value === undefined) continue;
            if (group.header[field] === undefined)
              (group.header as Record<string, unknown>)[field] = value;
            else if (group.header[field] !== value) {
              errors.push({
                line: row.line,
                column,
                ruleId: 'import.adjustment-mismatch',
                message: `${column} ${JSON.stringify(value)} differs from ${JSON.stringify(group.header[field])} given for adjustment ${header.adjustmentId} on line ${group.line}`,
              });
            }
          }
        }
      }
    }
    const valid = validateRow(row, ctx, target.state, errors);
    if (!valid) {
      if (group) group.bad = true;
      continue;
    }
    // Each line once per allocation file, and once per adjustment.
    if (valid.lineId !== undefined) {
      const scope = group
        ? `${unitCode}\n${group.header.adjustmentId}\n${valid.lineId}`
        : valid.lineId;
      const earlier = firstSeen.get(scope);
      if (earlier !== undefined) {
        errors.push({
          line: row.line,
          column: null,
          ruleId: 'line.duplicate',
          message: `line ${valid.lineId} is already on line ${earlier}${group ? ` of adjustment ${group.header.adjustmentId}` : ''}`,
        });
        continue;
      }
      firstSeen.set(scope, row.line);
    }
    if (group) group.lines.push(valid);
    else {
      const list = allocations.get(unitCode) ?? [];
      list.push(valid);
      allocations.set(unitCode, list);
    }
  }
  unitProblems.finish();
  const adjustments: ValidAdjustment[] = [];
  for (const g of groups.values()) {
    const h = g.header;
    const missing = HEADER_COLUMNS.filter(([field]) => h[field] === undefined).map(
      ([, column]) => column,
    );
    if (missing.length > 0) {
      errors.push({
        line: g.line,
        column: missing[0]!,
        ruleId: 'input.invalid',
        message: `adjustment ${h.adjustmentId} needs ${missing.join(', ')} (on any of its lines)`,
      });
      continue;
    }
    if (!g.bad)
      adjustments.push({
        ...(h as AdjustmentHeader),
        unitCode: g.unitCode,
        line: g.line,
        lines: g.lines,
      });
  }
  errors.sort((a, b) => a.line - b.line);
  return { errors, allocations, adjustments, rows: sheet.rows.length };
}
