/**
 * 机关运行经费: which spending the figure counts (the one home of the rule; the seed's table 11, the
 * Shanghai table 9, the Jiangsu table 11, the explanation and the cell provenance all read it from
 * here). The year's policy data says which unit kinds and fund sources count and, when the year's
 * definition lists them, which 款 — 2017 counted the running costs in project spending by 款; the
 * other years count the whole 公用经费 (302) of basic spending. Pure.
 */
import type { BudgetLineKey } from '../budget/line';
import type { ReferenceIndex } from '../reference/lookup';
import type { RevenueSource, UnitKind } from '../reference/types';
import type { AgencyOperatingRule } from './facts';

const NATIONAL_FISCAL: RevenueSource[] = ['general-public', 'government-fund', 'state-capital'];

/**
 * The rule: the year's policy data for the jurisdiction, or the national definition (行政单位 and
 * 参公事业单位, 公用经费 of basic spending) when the policy says nothing; options override.
 */
export function agencyOperatingRule(
  reference: ReferenceIndex,
  override: Partial<AgencyOperatingRule> = {},
): AgencyOperatingRule {
  const policy = reference.data.policy.agencyOperatingExpenses;
  const base: AgencyOperatingRule = policy
    ? {
        scope: policy.unitKinds.includes('institution')
          ? 'all-units'
          : 'admin-and-civil-service-managed',
        fundSources: policy.fundSources as RevenueSource[],
        rows: 'department',
        deptEconCodes: policy.deptEconCodes ?? null,
        includesProjects: policy.includesProjects ?? false,
        source: `policy ${reference.fiscalYear}: ${policy.source ?? 'agencyOperatingExpenses'}`,
      }
    : {
        scope: 'admin-and-civil-service-managed',
        fundSources: NATIONAL_FISCAL,
        rows: 'per-unit',
        deptEconCodes: null,
        includesProjects: false,
        source: 'national definition (行政单位和参公事业单位)',
      };
  const overridden = Object.keys(override).length > 0;
  return {
    ...base,
    ...override,
    source: override.source ?? (overridden ? `${base.source}; overridden by option` : base.source),
  };
}

/** The units whose spending the rule counts. */
export function agencyOperatingUnits(
  rule: AgencyOperatingRule,
  units: readonly { code: string; kind: UnitKind }[],
): string[] {
  return units
    .filter((u) => rule.scope === 'all-units' || u.kind !== 'institution')
    .map((u) => u.code);
}

/** The kinds of spending the rule counts. */
export function agencyOperatingKinds(rule: AgencyOperatingRule): BudgetLineKey['kind'][] {
  if (rule.deptEconCodes === null) return ['public'];
  return rule.includesProjects ? ['personnel', 'public', 'project'] : ['personnel', 'public'];
}

/** Whether a line counts towards 机关运行经费 (whatever its fund source: callers pick those). */
export function agencyOperatingLine(
  rule: AgencyOperatingRule,
  units: readonly { code: string; kind: UnitKind }[],
): (line: Pick<BudgetLineKey, 'unitCode' | 'kind' | 'deptEconCode'>) => boolean {
  const inScope = new Set(agencyOperatingUnits(rule, units));
  const kinds = new Set(agencyOperatingKinds(rule));
  const codes = rule.deptEconCodes === null ? null : new Set(rule.deptEconCodes);
  return (l) =>
    inScope.has(l.unitCode) && kinds.has(l.kind) && (codes === null || codes.has(l.deptEconCode));
}
