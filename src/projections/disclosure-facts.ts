import type pg from 'pg';
import {
  factProject,
  type DisclosureFacts,
  type FactPerformanceForm,
  type FactProcurement,
  type FactProject,
} from '../domain/disclosure';
import type { PriorYearComparatives, Project, StateAssets, TargetForm, UnitKind } from '../domain';
import type { AsOf } from './as-of';
import { lineBalances } from './budget-lines';
import { departmentUnits, factsAt, type FactVersion } from './fact-versions';

/**
 * The facts of a department's disclosure (its own unit first, then its subordinate units) at a
 * point in time, read from the append-only read models: line balances from postings, every other
 * fact (units included) at its latest version at or before the point, so nothing recorded after
 * it shows. No event is replayed. Null when the department had no unit at the point.
 */
export async function disclosureFacts(
  pool: pg.Pool,
  departmentCode: string,
  fiscalYear: number,
  asOf: AsOf = {},
): Promise<DisclosureFacts | null> {
  const registered = await departmentUnits(pool, departmentCode, asOf);
  if (registered.length === 0) return null;
  // 本级 (the unit without a parent in the department) first, the rest in registration order.
  const units = [...registered].sort(
    (a, b) => Number(a.payload.parentUnitCode != null) - Number(b.payload.parentUnitCode != null),
  );
  const codes = units.map((u) => u.unitCode);
  const [lines, facts] = await Promise.all([
    lineBalances(pool, codes, fiscalYear, asOf),
    factsAt(pool, codes, fiscalYear, asOf),
  ]);
  const of = (fact: FactVersion['fact']) =>
    facts
      .filter((f) => f.fact === fact && f.payload !== null)
      .sort((a, b) => Number(a.globalPosition - b.globalPosition));
  const home = units[0];
  return {
    fiscalYear,
    department: { code: departmentCode, name: String(home.payload.name) },
    units: units.map((u) => ({
      code: u.unitCode,
      name: String(u.payload.name),
      kind: u.payload.kind as UnitKind,
    })),
    lines: lines.map((l) => ({ line: l.line, amount: l.amount })),
    projects: of('project').map((f) => projectOf(f)),
    priorYear:
      of('year')
        .map((f) => (f.payload as { priorYear: PriorYearComparatives | null }).priorYear)
        .find((p) => p != null) ?? null,
    performanceForms: of('targets').map(formOf),
    procurement: (of('procurement').at(-1)?.payload as FactProcurement | undefined) ?? null,
    assets: (of('assets').at(-1)?.payload as StateAssets | undefined) ?? null,
  };
}

function projectOf(f: FactVersion): FactProject {
  return factProject(f.payload as unknown as Project, f.unitCode);
}

/**
 * A target form at its latest version: "unit" or "project:<code>" (src/domain/budget/commands.ts
 * targetFormId).
 */
function formOf(f: FactVersion): FactPerformanceForm {
  const data = f.payload as { form: TargetForm };
  const projectCode = f.key.startsWith('project:') ? f.key.slice('project:'.length) : null;
  return {
    formId: f.key,
    scope: projectCode ? 'project' : 'unit',
    projectCode,
    unitCode: f.unitCode,
    revision: f.versions - 1,
    form: data.form,
  };
}
