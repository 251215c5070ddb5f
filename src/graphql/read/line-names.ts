import type { ReferenceIndex } from '../../domain';
import { BadInputError } from '../../domain/errors';
import type { Services } from '../context';

/** Chinese labels of the line attributes that are not codes of a classification list. */
export const KIND_NAMES: Record<string, string> = {
  personnel: '人员经费',
  public: '公用经费',
  project: '项目支出',
};
export const BASIC_PROJECT_NAMES: Record<string, string> = {
  basic: '基本支出',
  project: '项目支出',
};
export const ORIGIN_NAMES: Record<string, string> = { current: '当年', 'carry-over': '上年结转' };

/**
 * The ledger's reference index of a year (with the codes adopted in its log); an unknown year is
 * BAD_USER_INPUT (reference.year-unknown).
 */
export const reference = (ctx: Pick<Services, 'service'>, fiscalYear: number): ReferenceIndex =>
  ctx.service.references.index(fiscalYear);

export const functionalName = (ref: ReferenceIndex, code: string): string | null =>
  ref.name('functional', code) ?? null;
export const deptEconName = (ref: ReferenceIndex, code: string): string | null =>
  ref.name('departmentEconomic', code) ?? null;
export const govEconName = (ref: ReferenceIndex, code: string): string | null =>
  ref.name('governmentEconomic', code) ?? null;
export const fundSourceName = (ref: ReferenceIndex, id: string): string | null =>
  ref.fundSource(id)?.name ?? null;

const KINDS = Object.keys(KIND_NAMES);
const ORIGINS = Object.keys(ORIGIN_NAMES);

/** Cut values are the domain's ids (as in line ids): refuse a typo rather than return nothing. */
export function checkCutValues(
  ref: ReferenceIndex,
  cut: { fundSource?: string | null; kind?: string | null; origin?: string | null },
): void {
  if (cut.fundSource && !ref.fundSource(cut.fundSource)) {
    throw new BadInputError(`unknown fund source ${cut.fundSource}`, {
      field: 'fundSource',
      allowed: [...ref.data.fundSources, ...ref.data.unitFundsKinds].map((f) => f.id),
    });
  }
  if (cut.kind && !KINDS.includes(cut.kind))
    throw new BadInputError(`unknown kind ${cut.kind}`, { field: 'kind', allowed: KINDS });
  if (cut.origin && !ORIGINS.includes(cut.origin))
    throw new BadInputError(`unknown origin ${cut.origin}`, { field: 'origin', allowed: ORIGINS });
}
