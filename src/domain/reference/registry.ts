/**
 * The reference data this build ships, by fiscal year. The JSON files are imported as modules
 * (bundled by tsc), so the pure domain never touches the file system. To add a year: put its files
 * under data/reference/<year>/ and add one entry to YEARS below. Constant: the lists a ledger
 * decides with (these, with the codes adopted in its log) are a value its owner passes on
 * (ReferenceLists, lists.ts).
 */
import functional2017 from '../../../data/reference/2017/functional.json';
import departmentEconomic2017 from '../../../data/reference/2017/economic-department.json';
import governmentEconomic2017 from '../../../data/reference/2017/economic-government.json';
import economicMapping2017 from '../../../data/reference/2017/economic-mapping.json';
import fundSources2017 from '../../../data/reference/2017/fund-sources.json';
import performance2017 from '../../../data/reference/2017/performance-indicators.json';
import policy2017 from '../../../data/reference/2017/policy.json';
import publication2017 from '../../../data/reference/2017/publication-rules.json';
import functional2018 from '../../../data/reference/2018/functional.json';
import departmentEconomic2018 from '../../../data/reference/2018/economic-department.json';
import governmentEconomic2018 from '../../../data/reference/2018/economic-government.json';
import economicMapping2018 from '../../../data/reference/2018/economic-mapping.json';
import fundSources2018 from '../../../data/reference/2018/fund-sources.json';
import performance2018 from '../../../data/reference/2018/performance-indicators.json';
import policy2018 from '../../../data/reference/2018/policy.json';
import publication2018 from '../../../data/reference/2018/publication-rules.json';
import functional2019 from '../../../data/reference/2019/functional.json';
import departmentEconomic2019 from '../../../data/reference/2019/economic-department.json';
import governmentEconomic2019 from '../../../data/reference/2019/economic-government.json';
import economicMapping2019 from '../../../data/reference/2019/economic-mapping.json';
import fundSources2019 from '../../../data/reference/2019/fund-sources.json';
import performance2019 from '../../../data/reference/2019/performance-indicators.json';
import policy2019 from '../../../data/reference/2019/policy.json';
import publication2019 from '../../../data/reference/2019/publication-rules.json';
import functional2020 from '../../../data/reference/2020/functional.json';
import departmentEconomic2020 from '../../../data/reference/2020/economic-department.json';
import governmentEconomic2020 from '../../../data/reference/2020/economic-government.json';
import economicMapping2020 from '../../../data/reference/2020/economic-mapping.json';
import fundSources2020 from '../../../data/reference/2020/fund-sources.json';
import performance2020 from '../../../data/reference/2020/performance-indicators.json';
import policy2020 from '../../../data/reference/2020/policy.json';
import publication2020 from '../../../data/reference/2020/publication-rules.json';
import functional2021 from '../../../data/reference/2021/functional.json';
import departmentEconomic2021 from '../../../data/reference/2021/economic-department.json';
import governmentEconomic2021 from '../../../data/reference/2021/economic-government.json';
import economicMapping2021 from '../../../data/reference/2021/economic-mapping.json';
import fundSources2021 from '../../../data/reference/2021/fund-sources.json';
import performance2021 from '../../../data/reference/2021/performance-indicators.json';
import policy2021 from '../../../data/reference/2021/policy.json';
import publication2021 from '../../../data/reference/2021/publication-rules.json';
import functional2022 from '../../../data/reference/2022/functional.json';
import departmentEconomic2022 from '../../../data/reference/2022/economic-department.json';
import governmentEconomic2022 from '../../../data/reference/2022/economic-government.json';
import economicMapping2022 from '../../../data/reference/2022/economic-mapping.json';
import fundSources2022 from '../../../data/reference/2022/fund-sources.json';
import performance2022 from '../../../data/reference/2022/performance-indicators.json';
import policy2022 from '../../../data/reference/2022/policy.json';
import publication2022 from '../../../data/reference/2022/publication-rules.json';
import functional2023 from '../../../data/reference/2023/functional.json';
import departmentEconomic2023 from '../../../data/reference/2023/economic-department.json';
import governmentEconomic2023 from '../../../data/reference/2023/economic-government.json';
import economicMapping2023 from '../../../data/reference/2023/economic-mapping.json';
import fundSources2023 from '../../../data/reference/2023/fund-sources.json';
import performance2023 from '../../../data/reference/2023/performance-indicators.json';
import policy2023 from '../../../data/reference/2023/policy.json';
import publication2023 from '../../../data/reference/2023/publication-rules.json';
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
import functional2026 from '../../../data/reference/2026/functional.json';
import departmentEconomic2026 from '../../../data/reference/2026/economic-department.json';
import governmentEconomic2026 from '../../../data/reference/2026/economic-government.json';
import economicMapping2026 from '../../../data/reference/2026/economic-mapping.json';
import fundSources2026 from '../../../data/reference/2026/fund-sources.json';
import performance2026 from '../../../data/reference/2026/performance-indicators.json';
import policy2026 from '../../../data/reference/2026/policy.json';
import publication2026 from '../../../data/reference/2026/publication-rules.json';
import renames from '../../../data/reference/renames.json';
import { ruleError, type RuleError } from '../rules/errors';
import type { PolicyRuleSet } from '../policy/types';
import type { PublicationRuleSet } from '../publication/types';
import type { NameChange, ReferenceData } from './types';
import { ReferenceIndex } from './lookup';

interface YearFiles {
  functional: ReferenceData['functional'];
  departmentEconomic: ReferenceData['departmentEconomic'];
  governmentEconomic: ReferenceData['governmentEconomic'];
  economicMapping: { fiscalYear: number; mappings: ReferenceData['economicMapping'] };
  fundSources: {
    entries: ReferenceData['fundSources'];
    unitFundsKinds: ReferenceData['unitFundsKinds'];
  };
  performance: ReferenceData['performanceIndicators'];
  policy: unknown;
  publication: unknown;
}

/** One year's files as the domain reads them, with the renames in force by that year. */
function shipped(files: YearFiles): [number, ReferenceData] {
  const fiscalYear = files.functional.fiscalYear;
  return [
    fiscalYear,
    {
      fiscalYear,
      functional: files.functional,
      departmentEconomic: files.departmentEconomic,
      governmentEconomic: files.governmentEconomic,
      economicMapping: files.economicMapping.mappings,
      fundSources: files.fundSources.entries,
      unitFundsKinds: files.fundSources.unitFundsKinds,
      performanceIndicators: files.performance,
      policy: files.policy as PolicyRuleSet,
      publication: files.publication as PublicationRuleSet,
      renames: (renames.entries as NameChange[]).filter((r) => r.since <= fiscalYear),
    },
  ];
}

const YEARS: ReadonlyMap<number, ReferenceData> = new Map<number, ReferenceData>([
  shipped({
    functional: functional2017,
    departmentEconomic: departmentEconomic2017,
    governmentEconomic: governmentEconomic2017,
    economicMapping: economicMapping2017,
    fundSources: fundSources2017,
    performance: performance2017,
    policy: policy2017,
    publication: publication2017,
  }),
  shipped({
    functional: functional2018,
    departmentEconomic: departmentEconomic2018,
    governmentEconomic: governmentEconomic2018,
    economicMapping: economicMapping2018,
    fundSources: fundSources2018,
    performance: performance2018,
    policy: policy2018,
    publication: publication2018,
  }),
  shipped({
    functional: functional2019,
    departmentEconomic: departmentEconomic2019,
    governmentEconomic: governmentEconomic2019,
    economicMapping: economicMapping2019,
    fundSources: fundSources2019,
    performance: performance2019,
    policy: policy2019,
    publication: publication2019,
  }),
  shipped({
    functional: functional2020,
    departmentEconomic: departmentEconomic2020,
    governmentEconomic: governmentEconomic2020,
    economicMapping: economicMapping2020,
    fundSources: fundSources2020,
    performance: performance2020,
    policy: policy2020,
    publication: publication2020,
  }),
  shipped({
    functional: functional2021,
    departmentEconomic: departmentEconomic2021,
    governmentEconomic: governmentEconomic2021,
    economicMapping: economicMapping2021,
    fundSources: fundSources2021,
    performance: performance2021,
    policy: policy2021,
    publication: publication2021,
  }),
  shipped({
    functional: functional2022,
    departmentEconomic: departmentEconomic2022,
    governmentEconomic: governmentEconomic2022,
    economicMapping: economicMapping2022,
    fundSources: fundSources2022,
    performance: performance2022,
    policy: policy2022,
    publication: publication2022,
  }),
  shipped({
    functional: functional2023,
    departmentEconomic: departmentEconomic2023,
    governmentEconomic: governmentEconomic2023,
    economicMapping: economicMapping2023,
    fundSources: fundSources2023,
    performance: performance2023,
    policy: policy2023,
    publication: publication2023,
  }),
  shipped({
    functional: functional2024,
    departmentEconomic: departmentEconomic2024,
    governmentEconomic: governmentEconomic2024,
    economicMapping: economicMapping2024,
    fundSources: fundSources2024,
    performance: performance2024,
    policy: policy2024,
    publication: publication2024,
  }),
  shipped({
    functional: functional2025,
    departmentEconomic: departmentEconomic2025,
    governmentEconomic: governmentEconomic2025,
    economicMapping: economicMapping2025,
    fundSources: fundSources2025,
    performance: performance2025,
    policy: policy2025,
    publication: publication2025,
  }),
  shipped({
    functional: functional2026,
    departmentEconomic: departmentEconomic2026,
    governmentEconomic: governmentEconomic2026,
    economicMapping: economicMapping2026,
    fundSources: fundSources2026,
    performance: performance2026,
    policy: policy2026,
    publication: publication2026,
  }),
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
