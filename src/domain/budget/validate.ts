/**
 * Checks shared by the budget decisions: the year is open, inputs are present and well formed,
 * lines are valid for the year, and no line would go below zero.
 */
import * as Money from '../money';
import { FIRST_YEAR, isCalendarDate, isDateOrTimestamp, LAST_YEAR } from '../calendar';
import { enforcePolicy } from '../policy/engine';
import type { DisclosureFacts } from '../disclosure/facts';
import type { ReferenceIndex } from '../reference/lookup';
import { ruleError } from '../rules/errors';
import {
  canonicalLine,
  lineId,
  validateLineKey,
  type BudgetLineKey,
  type LineDelta,
  type Origin,
} from './line';
import { balanceOf, type BudgetState } from './state';

export interface DecideContext {
  state: BudgetState;
  reference: ReferenceIndex;
  /** For PublishDisclosure only: the disclosure facts at the position being published. */
  publication?: PublicationSubject;
}

/**
 * What the publication gate checks: the facts of the disclosure (the unit's department) at the
 * ledger position the publication records. The caller reads them from the read models.
 */
export interface PublicationSubject {
  ledgerPosition: string;
  facts: DisclosureFacts;
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw ruleError('input.invalid', `${field} is required`, { field });
  return value;
}

export function optionalText(value: unknown, field: string): string | null {
  return value === undefined || value === null ? null : requireText(value, field);
}

/** An ISO date (YYYY-MM-DD) or timestamp that is a real calendar date (src/domain/calendar.ts). */
export function requireDate(value: unknown, field: string): string {
  if (!isDateOrTimestamp(value))
    throw ruleError(
      'input.invalid',
      `${field} must be a real date YYYY-MM-DD (years ${FIRST_YEAR}–${LAST_YEAR}) or an ISO ` +
        `timestamp, got ${JSON.stringify(value)}`,
      { field },
    );
  return value;
}

/** A business date (YYYY-MM-DD): the day a fact takes effect has no time of day. */
export function requireCalendarDate(value: unknown, field: string): string {
  if (!isCalendarDate(value))
    throw ruleError(
      'input.invalid',
      `${field} must be a real date YYYY-MM-DD (years ${FIRST_YEAR}–${LAST_YEAR}), got ` +
        `${JSON.stringify(value)}`,
      { field },
    );
  return value;
}

export function requireCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw ruleError('input.invalid', `${field} must be a whole number ≥ 0`, { field });
  return value;
}

/** Every command but OpenFiscalYear needs an open year; nothing may change a closed one. */
export function requireOpenYear(state: BudgetState): void {
  if (state.status === 'not-opened') throw ruleError('year.not-open', 'open the fiscal year first');
  if (state.status === 'closed')
    throw ruleError('year.closed', `${state.unitCode} ${state.fiscalYear} is closed (年终结转)`, {
      unitCode: state.unitCode,
      fiscalYear: state.fiscalYear,
    });
}

export type AmountMode = { kind: 'amount'; origin: Origin } | { kind: 'delta' };

/** Validates one line for use in this year: its codes, its project, and the year's line policy. */
export function requireUsableLine(line: BudgetLineKey, ctx: DecideContext): string {
  const { state, reference } = ctx;
  const id = lineId(line);
  validateLineKey(
    line,
    { unitCode: state.unitCode, fiscalYear: state.fiscalYear, unitKind: state.unitKind, reference },
    id,
  );
  if (line.projectCode !== null && !state.projects[line.projectCode]) {
    throw ruleError(
      'project.unknown',
      `line ${id}: project ${line.projectCode} is not registered`,
      { lineId: id, projectCode: line.projectCode },
    );
  }
  enforcePolicy(reference.data.policy, {
    stage: 'line',
    line,
    unitKind: state.unitKind,
    reference,
  });
  return id;
}

function parseEntry(
  entry: { line?: unknown; amount?: unknown; delta?: unknown },
  mode: AmountMode,
  ctx: DecideContext,
): LineDelta {
  if (
    typeof entry !== 'object' ||
    entry === null ||
    typeof entry.line !== 'object' ||
    entry.line === null
  ) {
    throw ruleError('input.invalid', 'each entry needs a line');
  }
  const line = canonicalLine(entry.line as BudgetLineKey);
  const id = requireUsableLine(line, ctx);
  if (mode.kind === 'amount' && line.origin !== mode.origin) {
    throw ruleError(
      'line.origin',
      `line ${id} has origin ${line.origin}, ${mode.origin} is needed here`,
      { lineId: id },
    );
  }
  const delta =
    mode.kind === 'amount'
      ? Money.parsePositiveYuan(entry.amount, { field: 'amount', lineId: id })
      : Money.parseDelta(entry.delta, { field: 'delta', lineId: id });
  return { lineId: id, line, delta };
}

/** Parses a command's line entries into explicit per-line deltas; each line at most once. */
export function parseLineEntries(
  entries: unknown,
  mode: AmountMode,
  ctx: DecideContext,
): LineDelta[] {
  if (!Array.isArray(entries) || entries.length === 0)
    throw ruleError('input.invalid', 'at least one line is required', { field: 'lines' });
  const deltas = entries.map((entry: { line?: unknown; amount?: unknown; delta?: unknown }) =>
    parseEntry(entry, mode, ctx),
  );
  const seen = new Set<string>();
  for (const { lineId: id } of deltas) {
    if (seen.has(id)) throw ruleError('line.duplicate', `line ${id} appears twice`, { lineId: id });
    seen.add(id);
  }
  return deltas;
}

/**
 * No line may go below zero, whatever the order of approvals, nor above Money.MAX_YUAN (so no
 * accepted history can hold a figure a later read cannot).
 */
export function requireBalancesInRange(state: BudgetState, deltas: readonly LineDelta[]): void {
  for (const { lineId: id, delta } of deltas) {
    const after = Money.add(balanceOf(state, id), delta);
    if (!Money.withinRange(after)) {
      throw ruleError(
        'line.range',
        `line ${id} has ${balanceOf(state, id)}, a change of ${delta} would leave ${after}, ` +
          `beyond ${Money.MAX_YUAN}`,
        { lineId: id, balance: balanceOf(state, id), delta },
      );
    }
    if (Money.isNegative(after)) {
      throw ruleError(
        'line.non-negative',
        `line ${id} has ${balanceOf(state, id)}, a change of ${delta} would leave ${after}`,
        { lineId: id, balance: balanceOf(state, id), delta },
      );
    }
  }
}
