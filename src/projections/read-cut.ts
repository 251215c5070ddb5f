import { fundSourcesUnder } from '../domain/reference/types';

/**
 * A cut of the budget lines (OpenSpending's word): the filters budgetLines and aggregate share,
 * turned into SQL predicates over the postings table. Values always travel as parameters.
 */
export interface LineCut {
  unitCodes?: readonly string[] | null;
  fundSource?: string | null;
  /** 类 (3 digits), 款 (5) or 项 (7): lines whose functional code starts with it. */
  functionalCodePrefix?: string | null;
  kind?: string | null;
  /** 部门经济分类 类 (3 digits) or 款 (5). */
  deptEconCodePrefix?: string | null;
  govEconCode?: string | null;
  projectCode?: string | null;
  origin?: string | null;
  /** The units the caller may read (src/app/access-scope.ts); [] matches no line, null any. */
  reach?: readonly string[] | null;
}

/**
 * `AND …` predicates for the cut over `alias`, pushing their values onto `params`; '' for no cut.
 */
export function lineCutSql(cut: LineCut, alias: string, params: unknown[]): string {
  const parts: string[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (cut.reach) parts.push(`${alias}.unit_code = ANY(${bind(cut.reach)}::text[])`);
  if (cut.unitCodes?.length) parts.push(`${alias}.unit_code = ANY(${bind(cut.unitCodes)}::text[])`);
  // 单位资金 takes its kinds (事业收入 …) with it, as the disclosure tables count them.
  if (cut.fundSource)
    parts.push(`${alias}.fund_source = ANY(${bind(fundSourcesUnder([cut.fundSource]))}::text[])`);
  // starts_with keeps the prefix a literal (no LIKE wildcards to escape).
  if (cut.functionalCodePrefix)
    parts.push(`starts_with(${alias}.functional_code, ${bind(cut.functionalCodePrefix)})`);
  if (cut.kind) parts.push(`${alias}.kind = ${bind(cut.kind)}`);
  if (cut.deptEconCodePrefix)
    parts.push(`starts_with(${alias}.dept_econ_code, ${bind(cut.deptEconCodePrefix)})`);
  if (cut.govEconCode) parts.push(`${alias}.gov_econ_code = ${bind(cut.govEconCode)}`);
  if (cut.projectCode) parts.push(`${alias}.project_code = ${bind(cut.projectCode)}`);
  if (cut.origin) parts.push(`${alias}.origin = ${bind(cut.origin)}`);
  return parts.map((p) => `AND ${p}`).join(' ');
}
