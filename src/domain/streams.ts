/**
 * Stream ids. One stream per consistency boundary: every budget invariant (no negative line,
 * balanced transfer, single review) lives inside one unit's fiscal year, so that is the stream;
 * a unit's identity (name, kind, parent, staffing) outlives years and has its own stream.
 */
import { ruleError } from './rules/errors';

const UNIT_CODE = /^[0-9A-Za-z_.]+$/;

function requireUnitCode(unitCode: string): string {
  if (!UNIT_CODE.test(unitCode))
    throw ruleError(
      'input.invalid',
      `unit code ${JSON.stringify(unitCode)} may use letters, digits, "_" and "." only`,
      { field: 'unitCode' },
    );
  return unitCode;
}

/** `budget-019001-2024`: a unit's fiscal-year budget. */
export function budgetStreamId(unitCode: string, fiscalYear: number): string {
  return `budget-${requireUnitCode(unitCode)}-${fiscalYear}`;
}

/** `unit-019001`: a budget unit's registration. */
export function unitStreamId(unitCode: string): string {
  return `unit-${requireUnitCode(unitCode)}`;
}

/** The unit a stream belongs to (its registration or one of its budgets), or null. */
export function streamUnitCode(streamId: string): string | null {
  const unit = /^unit-([0-9A-Za-z_.]+)$/.exec(streamId);
  return unit ? unit[1]! : (parseBudgetStreamId(streamId)?.unitCode ?? null);
}

/** The unit code and year of a budget stream id, or null if it is not one. */
export function parseBudgetStreamId(
  streamId: string,
): { unitCode: string; fiscalYear: number } | null {
  const match = /^budget-([0-9A-Za-z_.]+)-(\d{4})$/.exec(streamId);
  return match ? { unitCode: match[1]!, fiscalYear: Number(match[2]) } : null;
}
