/**
 * The reference data this build ships, by fiscal year. The JSON files are imported as modules
 * (bundled by tsc), so the pure domain never touches the file system. To add a year: put its files
 * under data/reference/<year>/ and add one entry to YEARS below. Constant: the lists a ledger
 * decides with (these, with the codes adopted in its log) are a value its owner passes on
 * (ReferenceLists, lists.ts).
 */
import functional2024 from '../../../data/reference/2024/functional.json';
import departmentEconomic2024 from '../../../data/reference/2024/economic-department.json';
import governmentEconomic2024 from '../../../data/reference/2024/economic-government.json';
import economicMapping2024 from '../../../data/reference/2024/economic-mapping.json';
import fundSources2024 from '../../../data/reference/2024/fund-sources.json';
import performance2024 from '../../../data/reference/2024/performance-indicators.json';
import policy2024 from '../../../data/reference/2024/policy.json';
import publication2024 from '../../../data/reference/2024/publication-rules.json';
import functional2025 from '../../../data/reference/2025/functional.json';
import departmentEconomic2025 from '../../../data/reference/2025/economic-department.json';
import governmentEconomic2025 from '../../../data/reference/2025/economic-government.json';
import economicMapping2025 from '../../../data/reference/2025/economic-mapping.json';
import fundSources2025 from '../../../data/reference/2025/fund-sources.json';
import performance2025 from '../../../data/reference/2025/performance-indicators.json';
import policy2025 from '../../../data/reference/2025/policy.json';
import publication2025 from '../../../data/reference/2025/publication-rules.json';
import { ruleError, type RuleError } from '../rules/errors';
import type { PolicyRuleSet } from '../policy/types';
import type { PublicationRuleSet } from '../publication/types';
import type { ReferenceData } from './types';
import { ReferenceIndex } from './lookup';

const YEARS: ReadonlyMap<number, ReferenceData> = new Map<number, ReferenceData>([
  [
    2024,
    {
      fiscalYear: 2024,
      functional: functional2024,
      departmentEconomic: departmentEconomic2024,
      governmentEconomic: governmentEconomic2024,
      economicMapping: economicMapping2024.mappings,
      fundSources: fundSources2024.entries,
      unitFundsKinds: fundSources2024.unitFundsKinds,
      performanceIndicators: performance2024,
      policy: policy2024 as PolicyRuleSet,
      publication: publication2024 as PublicationRuleSet,
    },
  ],
  [
    2025,
    {
      fiscalYear: 2025,
      functional: functional2025,
      departmentEconomic: departmentEconomic2025,
      governmentEconomic: governmentEconomic2025,
      economicMapping: economicMapping2025.mappings,
      fundSources: fundSources2025.entries,
      unitFundsKinds: fundSources2025.unitFundsKinds,
      performanceIndicators: performance2025,
      policy: policy2025 as PolicyRuleSet,
      publication: publication2025 as PublicationRuleSet,
    },
  ],
]);

/** The fiscal years this build ships reference data for. */
export function shippedYears(): number[] {
  return [...YEARS.keys()].sort((a, b) => a - b);
}

/** Refusal of a year no reference data is known for. */
export function yearUnknown(fiscalYear: number): RuleError {
  return ruleError('reference.year-unknown', `no reference data for fiscal year ${fiscalYear}`, {
    fiscalYear,
  });
}

/** A year's shipped reference data (without codes adopted from documents). */
export function shippedReferenceData(fiscalYear: number): ReferenceData {
  const data = YEARS.get(fiscalYear);
  if (!data) throw yearUnknown(fiscalYear);
  return data;
}

/**
 * The indexed form of a year's shipped data, made anew on each call: for code that needs the
 * shipped lists alone (reading a document's layout, tests). What a ledger decides with is its
 * owner's ReferenceLists.
 */
export function shippedReference(fiscalYear: number): ReferenceIndex {
  return new ReferenceIndex(shippedReferenceData(fiscalYear));
}
