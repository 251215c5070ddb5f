/** The shape of one fiscal year's reference data (data/reference/<year>/*.json). */
import type { PolicyRuleSet } from '../policy/types';
import type { PublicationRuleSet } from '../publication/types';

/**
 * The five sources of 收入 every disclosure table prints a column or a row for (财政拨款 = the first
 * three).
 */
export type RevenueSource =
  'general-public' | 'government-fund' | 'state-capital' | 'special-account' | 'unit-funds';
export const REVENUE_SOURCES: readonly RevenueSource[] = [
  'general-public',
  'government-fund',
  'state-capital',
  'special-account',
  'unit-funds',
];

/**
 * 单位资金 by kind — 事业收入, 事业单位经营收入, 其他收入 — for documents that print them apart (the
 * Shanghai layout's revenue columns). A line of one of these is 单位资金: every table that prints
 * 单位资金 as one column or row counts it there (fundSourceGroup); a line of plain `unit-funds`
 * is 单位资金 of no stated kind.
 */
export type UnitFundsKind = 'business-income' | 'operating-income' | 'other-income';
export const UNIT_FUNDS_KINDS: readonly UnitFundsKind[] = [
  'business-income',
  'operating-income',
  'other-income',
];

/** A line's fund source: one of the five, or a kind of 单位资金. */
export type FundSource = RevenueSource | UnitFundsKind;
export const FUND_SOURCES: readonly FundSource[] = [...REVENUE_SOURCES, ...UNIT_FUNDS_KINDS];

/**
 * The revenue source a fund source is counted under: a kind of 单位资金 under `unit-funds`, any other
 * under itself.
 */
export const fundSourceGroup = (source: FundSource): RevenueSource =>
  (UNIT_FUNDS_KINDS as readonly string[]).includes(source)
    ? 'unit-funds'
    : (source as RevenueSource);

/**
 * Every fund source counted under `sources` (unit-funds with its kinds), for filters over stored
 * lines.
 */
export const fundSourcesUnder = (sources: readonly string[]): string[] => [
  ...new Set(
    sources.flatMap((s) => (s === 'unit-funds' ? ['unit-funds', ...UNIT_FUNDS_KINDS] : [s])),
  ),
];

/** 行政单位 / 参公事业单位 / 事业单位. */
export type UnitKind = 'administrative' | 'civil-service-managed' | 'institution';
export const UNIT_KINDS: readonly UnitKind[] = [
  'administrative',
  'civil-service-managed',
  'institution',
];

/** 类 / 款 / 项. Functional codes have all three (3, 5, 7 digits); economic codes 类 and 款. */
export type CodeLevel = '类' | '款' | '项';

export interface CodeEntry {
  code: string;
  name: string;
  level: CodeLevel | string;
  /** Where the code and name were seen (kept verbatim from the gathered lists). */
  source: string;
  /** Set when the seed document prints this code or name: the seed is the authority for it. */
  seed?: string;
  csvName?: string;
}

export interface CodeList {
  fiscalYear: number;
  classification: string;
  entries: CodeEntry[];
}

export interface FundSourceEntry {
  id: FundSource | string;
  name: string;
  fiscalAppropriation: boolean;
  source: string;
}

export interface UnitFundsKindEntry {
  id: UnitFundsKind | string;
  name: string;
  source: string;
}

export interface EconomicMapping {
  dept: string;
  /** 行政单位 and 参公事业单位: the usual government code first, alternatives after. */
  administrative: string[];
  /** 事业单位. */
  institution: string[];
  source: string;
}

export interface PerformanceIndicatorRules {
  level1: string[];
  usualLevel2: Record<string, string[]>;
}

/**
 * A code whose name changed between two years' code lists (data/reference/renames.json): from
 * `since` on it is `name`, before that `formerName`. A document that prints the former name still
 * names the code.
 */
export interface NameChange {
  classification: 'functional' | 'departmentEconomic' | 'governmentEconomic';
  code: string;
  formerName: string;
  name: string;
  since: number;
  source: string;
}

/** Everything the domain needs to know about one fiscal year's classifications and policy. */
export interface ReferenceData {
  fiscalYear: number;
  functional: CodeList;
  departmentEconomic: CodeList;
  governmentEconomic: CodeList;
  economicMapping: EconomicMapping[];
  fundSources: FundSourceEntry[];
  /** 单位资金 by kind (UNIT_FUNDS_KINDS), with their names and provenance. */
  unitFundsKinds: UnitFundsKindEntry[];
  performanceIndicators: PerformanceIndicatorRules;
  policy: PolicyRuleSet;
  /** What publishing the year's disclosure checks first, and at which level. */
  publication: PublicationRuleSet;
  /** The renames in force by this year (since <= fiscalYear); none when absent. */
  renames?: NameChange[];
}
