/** The shape of one fiscal year's reference data (data/reference/<year>/*.json). */
import type { PolicyRuleSet } from '../policy/types';

export type FundSource = 'general-public' | 'government-fund' | 'state-capital' | 'special-account' | 'unit-funds';
export const FUND_SOURCES: readonly FundSource[] = ['general-public', 'government-fund', 'state-capital', 'special-account', 'unit-funds'];

/** 行政单位 / 参公事业单位 / 事业单位. */
export type UnitKind = 'administrative' | 'civil-service-managed' | 'institution';
export const UNIT_KINDS: readonly UnitKind[] = ['administrative', 'civil-service-managed', 'institution'];

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

/** Everything the domain needs to know about one fiscal year's classifications and policy. */
export interface ReferenceData {
  fiscalYear: number;
  functional: CodeList;
  departmentEconomic: CodeList;
  governmentEconomic: CodeList;
  economicMapping: EconomicMapping[];
  fundSources: FundSourceEntry[];
  performanceIndicators: PerformanceIndicatorRules;
  policy: PolicyRuleSet;
}
