/**
 * Which units' unpublished data a token reaches (docs/access.md): a BUDGET_OFFICER its own
 * units; a FINANCE_REVIEWER or AUDITOR the units registered under the departments its token
 * names, or the whole ledger when it names none; ADMIN the whole ledger; PUBLIC none.
 */
import type pg from 'pg';
import type { TokenScope } from '../events/access-tokens';
import { departmentUnits } from '../projections/fact-versions';

/** The units in reach; null: the whole ledger. */
export type UnitScope = ReadonlySet<string> | null;

export interface Grant extends TokenScope {
  role: string;
}

/**
 * Resolved when asked, not when the token was made: a unit registered under a department later
 * is in its reviewers' and auditors' reach from then on.
 */
export async function unitScope(pool: pg.Pool, grant: Grant): Promise<UnitScope> {
  switch (grant.role) {
    case 'ADMIN':
      return null;
    case 'BUDGET_OFFICER':
      return new Set(grant.unitCodes);
    case 'FINANCE_REVIEWER':
    case 'AUDITOR': {
      if (grant.departmentCodes.length === 0) return null;
      const units = await Promise.all(grant.departmentCodes.map((d) => departmentUnits(pool, d)));
      return new Set(units.flat().map((u) => u.unitCode));
    }
    default:
      return new Set();
  }
}

export const unitInScope = (scope: UnitScope, unitCode: string): boolean =>
  scope === null || scope.has(unitCode);

/**
 * A department's data (its disclosure, a diff, a cell's provenance) consolidates all of its
 * units, so it is in reach only when every one of them is. A department with no unit is out of
 * reach for a limited token, like one it may not see: the answer does not say which it is.
 */
export async function departmentInScope(
  pool: pg.Pool,
  scope: UnitScope,
  departmentCode: string,
): Promise<boolean> {
  if (scope === null) return true;
  const units = await departmentUnits(pool, departmentCode);
  return units.length > 0 && units.every((u) => scope.has(u.unitCode));
}
