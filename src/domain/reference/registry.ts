/**
 * Reference data by fiscal year. The JSON files are imported as modules (bundled by tsc), so the
 * pure domain never touches the file system. To add a year: put its files under
 * data/reference/<year>/ and add one entry to YEARS below; tests can also register data.
 */
import { withAdoptedCodes, type AdoptedCode } from './adopt';
import functional2024 from '../../../data/reference/2024/functional.json';
import departmentEconomic2024 from '../../../data/reference/2024/economic-department.json';
import governmentEconomic2024 from '../../../data/reference/2024/economic-government.json';
import economicMapping2024 from '../../../data/reference/2024/economic-mapping.json';
import fundSources2024 from '../../../data/reference/2024/fund-sources.json';
import performance2024 from '../../../data/reference/2024/performance-indicators.json';
import policy2024 from '../../../data/reference/2024/policy.json';
import functional2025 from '../../../data/reference/2025/functional.json';
import departmentEconomic2025 from '../../../data/reference/2025/economic-department.json';
import governmentEconomic2025 from '../../../data/reference/2025/economic-government.json';
import economicMapping2025 from '../../../data/reference/2025/economic-mapping.json';
import fundSources2025 from '../../../data/reference/2025/fund-sources.json';
import performance2025 from '../../../data/reference/2025/performance-indicators.json';
import policy2025 from '../../../data/reference/2025/policy.json';
import { ruleError } from '../rules/errors';
import type { PolicyRuleSet } from '../policy/types';
import type { ReferenceData } from './types';
import { ReferenceIndex } from './lookup';

const YEARS = new Map<number, ReferenceData>([
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
    },
  ],
]);

const indexes = new Map<number, ReferenceIndex>();

/** The fiscal years for which reference data is loaded. */
export function referenceYears(): number[] {
  return [...YEARS.keys()].sort((a, b) => a - b);
}

/** Adds (or replaces) a year's reference data, e.g. parsed from files by a caller with I/O. */
export function registerReferenceData(data: ReferenceData): void {
  YEARS.set(data.fiscalYear, data);
  indexes.delete(data.fiscalYear);
}

export function referenceData(fiscalYear: number): ReferenceData {
  const data = YEARS.get(fiscalYear);
  if (!data)
    throw ruleError('reference.year-unknown', `no reference data for fiscal year ${fiscalYear}`, {
      fiscalYear,
    });
  return data;
}

/**
 * Adds codes adopted from documents (ReferenceCodesAdopted events) to a year's lists, in this
 * process: the app calls it for every such event in the log at start-up and for each new one.
 */
export function adoptReferenceCodes(fiscalYear: number, codes: readonly AdoptedCode[]): void {
  const data = referenceData(fiscalYear);
  const next = withAdoptedCodes(data, codes);
  if (next !== data) registerReferenceData(next);
}

/** The indexed form of a year's reference data (built once per year, then cached). */
export function referenceFor(fiscalYear: number): ReferenceIndex {
  let index = indexes.get(fiscalYear);
  if (!index) {
    index = new ReferenceIndex(referenceData(fiscalYear));
    indexes.set(fiscalYear, index);
  }
  return index;
}
