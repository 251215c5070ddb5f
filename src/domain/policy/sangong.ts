/**
 * 三公经费 (“三公”经费): 因公出国（境）费, 公务接待费, 公务用车购置费 and 公务用车运行维护费. Which
 * 部门预算支出经济分类 款 each item counts is the year's reference data (`sanGong` in
 * data/reference/<year>/policy.json), the one place the codes are written. Table 10 of the
 * 13-table layout, table 9 of the Shanghai layout, the explanation's 七, both importers, the checks
 * of published documents and the rule policy.sangong-decrease-only all read them through here.
 * Specified in tests/unit/domain/sangong.spec.test.ts.
 */
export type SanGongItem =
  'overseasTravel' | 'officialReception' | 'vehiclePurchase' | 'vehicleOperation';

/** The four items, in the order the year's data lists them. */
export const SANGONG_ITEMS: readonly SanGongItem[] = [
  'overseasTravel',
  'officialReception',
  'vehiclePurchase',
  'vehicleOperation',
];

/** A year's 三公 definition: each item's name and the department economic 款 it counts. */
export interface SanGongDefinition {
  description?: string;
  items: Record<SanGongItem, { name: string; deptEconCodes: string[] }>;
  source?: string;
}

/** The department economic 款 of the given items (all four by default) in a year's definition. */
export function sanGongCodes(
  sanGong: SanGongDefinition,
  items: readonly SanGongItem[] = SANGONG_ITEMS,
): string[] {
  return [...new Set(items.flatMap((i) => sanGong.items[i].deptEconCodes))];
}

/** Each item with its codes, in SANGONG_ITEMS order; none without a definition. */
export const sanGongItemCodes = (sanGong: SanGongDefinition | null): [SanGongItem, string[]][] =>
  sanGong ? SANGONG_ITEMS.map((i) => [i, sanGongCodes(sanGong, [i])]) : [];
