/**
 * buildDisclosure(facts, reference, options) → the whole disclosure of a unit-year: the 13
 * tables, the explanation (第三部分) with its figures and text, the performance forms, procurement
 * and assets. Pure: the same facts always give the same disclosure.
 */
import type { SanGongDefinition } from '../policy/sangong';
import type { ReferenceIndex } from '../reference/lookup';
import { agencyOperatingRule } from './agency-operating';
import type { AgencyOperatingRule, BuildOptions, DisclosureFacts } from './facts';
import type { BuildContext } from './context';
import {
  changesSection,
  expenditureSection,
  fiscalSection,
  proseOf,
  revenueSection,
  type ChangesSection,
  type ExpenditureSection,
  type FiscalSection,
  type RevenueSection,
} from './explanation-budget';
import {
  agencyOperatingSection,
  basicSection,
  generalPublicSection,
  sanGongSection,
  type AgencyOperatingSection,
  type BasicSection,
  type GeneralPublicSection,
  type SanGongSection,
} from './explanation-spending';
import {
  assetsSection,
  performanceSection,
  procurementSection,
  type AssetsSection,
  type PerformanceSection,
  type ProcurementSection,
} from './explanation-other';
import { performanceForms, type PerformanceForms } from './performance';
import { summaryTable, fiscalSummaryTable } from './tables-summary';
import {
  expenditureTable,
  generalPublicTable,
  governmentFundExpenditureTable,
  governmentFundRevenueTable,
  revenueTable,
  stateCapitalTable,
} from './tables-functional';
import { basicByEconomicTable } from './tables-economic';
import {
  agencyOperatingTable,
  carriedOverProjectsTable,
  currentProjectsTable,
  sanGongTable,
} from './tables-special';
import type { DisclosureTable, TableId } from './table';

export interface Explanation {
  changes: ChangesSection;
  revenue: RevenueSection;
  expenditure: ExpenditureSection;
  fiscalAppropriation: FiscalSection;
  generalPublicBudget: GeneralPublicSection;
  basicExpenditure: BasicSection;
  threePublicExpenses: SanGongSection;
  agencyOperatingExpenses: AgencyOperatingSection;
  governmentProcurement: ProcurementSection | null;
  performanceManagement: PerformanceSection;
  assets: AssetsSection | null;
}

export interface Disclosure {
  fiscalYear: number;
  department: { code: string; name: string };
  moneyUnit: BuildOptions['moneyUnit'];
  tables: Record<TableId, DisclosureTable>;
  explanation: Explanation;
  performanceForms: PerformanceForms;
  agencyOperatingRule: AgencyOperatingRule;
  /** The year's 三公 items and codes the tables counted (its checks compare table 6 with them). */
  sanGong: SanGongDefinition;
}

function buildTables(ctx: BuildContext): Record<TableId, DisclosureTable> {
  return {
    t01: summaryTable(ctx),
    t02: revenueTable(ctx),
    t03: expenditureTable(ctx),
    t04: fiscalSummaryTable(ctx),
    t05: generalPublicTable(ctx),
    t06: basicByEconomicTable(ctx),
    t07: governmentFundRevenueTable(ctx),
    t08: governmentFundExpenditureTable(ctx),
    t09: stateCapitalTable(ctx),
    t10: sanGongTable(ctx),
    t11: agencyOperatingTable(ctx),
    t12: currentProjectsTable(ctx),
    t13: carriedOverProjectsTable(ctx),
  };
}

function buildExplanation(ctx: BuildContext): Explanation {
  const p = proseOf(ctx);
  return {
    changes: changesSection(ctx, p),
    revenue: revenueSection(ctx, p),
    expenditure: expenditureSection(ctx, p),
    fiscalAppropriation: fiscalSection(ctx, p),
    generalPublicBudget: generalPublicSection(ctx, p),
    basicExpenditure: basicSection(ctx, p),
    threePublicExpenses: sanGongSection(ctx, p),
    agencyOperatingExpenses: agencyOperatingSection(ctx, p),
    governmentProcurement: procurementSection(ctx, p),
    performanceManagement: performanceSection(ctx, p),
    assets: assetsSection(ctx, p),
  };
}

export function buildDisclosure(
  facts: DisclosureFacts,
  reference: ReferenceIndex,
  options: BuildOptions,
): Disclosure {
  const ctx: BuildContext = {
    facts,
    reference,
    unit: options.moneyUnit,
    agencyOperating: agencyOperatingRule(reference, options.agencyOperating),
    options,
  };
  return {
    fiscalYear: facts.fiscalYear,
    department: facts.department,
    moneyUnit: options.moneyUnit,
    tables: buildTables(ctx),
    explanation: buildExplanation(ctx),
    performanceForms: performanceForms(ctx),
    agencyOperatingRule: ctx.agencyOperating,
    sanGong: reference.data.policy.sanGong,
  };
}
