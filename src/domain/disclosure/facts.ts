/**
 * The input of the disclosure builder: everything a unit-year's disclosure shows, as facts at one
 * point in time. The SQL projection fills it (src/projections); tests build it from fixtures.
 * Amounts are exact yuan strings; nothing here is rounded.
 */
import type { BudgetLineKey } from '../budget/line';
import type { PriorYearComparatives, Project, StateAssets, TargetForm } from '../budget/events';
import type { RevenueSource, UnitKind } from '../reference/types';

export interface DisclosureUnit {
  code: string;
  name: string;
  kind: UnitKind;
}

export interface FactLine {
  line: BudgetLineKey;
  /** Exact yuan; lines with 0 may be present or absent. */
  amount: string;
}

export type FactProject = Pick<
  Project,
  'code' | 'name' | 'category' | 'attribute' | 'period' | 'procurement'
> & { unitCode: string };

/** A registered project as the disclosure reads it (what its tables and forms print). */
export function factProject(p: Project, unitCode: string): FactProject {
  const { code, name, category, attribute, period, procurement } = p;
  return { code, name, category, attribute, period, procurement, unitCode };
}

export interface FactPerformanceForm {
  formId: string;
  scope: 'unit' | 'project';
  projectCode: string | null;
  unitCode: string;
  revision: number;
  form: TargetForm;
}

export interface FactProcurement {
  goods: string;
  works: string;
  services: string;
  total: string;
}

export interface DisclosureFacts {
  fiscalYear: number;
  /** The consolidating 部门 (e.g. 019). */
  department: { code: string; name: string };
  /** Every unit consolidated, 本级 first. */
  units: DisclosureUnit[];
  lines: FactLine[];
  /** In registration order (table 12 prints them in this order). */
  projects: FactProject[];
  priorYear: PriorYearComparatives | null;
  performanceForms: FactPerformanceForm[];
  procurement: FactProcurement | null;
  assets: StateAssets | null;
}

export type MoneyUnit = 'wan-yuan' | 'yuan';

/**
 * Which 公用经费 counts as 机关运行经费 (table 11, explanation 八). The national definition counts
 * 行政单位 and 参公事业单位 only ('admin-and-civil-service-managed'); some jurisdictions print the
 * whole 公用经费 including 事业单位 ('all-units', Shanxi/Fenyang 2024). `rows` says how table 11
 * breaks the figure down: one row for the reporting 部门, or one row per unit.
 */
export interface AgencyOperatingRule {
  scope: 'admin-and-civil-service-managed' | 'all-units';
  fundSources: RevenueSource[];
  rows: 'department' | 'per-unit';
  /** The 部门经济分类 款 counted (a year whose definition lists them: 2017); null: all 公用经费 (302). */
  deptEconCodes: string[] | null;
  /** Project spending on those 款 counts too (2017); otherwise basic spending only. */
  includesProjects: boolean;
  /** Where the rule comes from (policy file, option), for the report. */
  source: string;
}

/** Free text the unit writes in the explanation; the ledger cannot compute reasons. */
export interface ExplanationNotes {
  /** 一、…变动情况及原因: "主要原因是…" (without the leading words). */
  changeReason?: string;
  /** 八、机关运行经费增减变动原因: "原因是…" (without the leading words). */
  agencyOperatingReason?: string;
}

export interface BuildOptions {
  moneyUnit: MoneyUnit;
  /** Overrides the jurisdiction's rule from the year's policy data. */
  agencyOperating?: Partial<AgencyOperatingRule>;
  notes?: ExplanationNotes;
}
