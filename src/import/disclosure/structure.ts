/**
 * Which functional 项 a basic-spending economic row can fall under. Basic spending is printed twice
 * as marginals — by functional 项 (tables 2/3/5) and by economic 款 (table 6) — and the document
 * never says which row goes with which 项; the national classification does, for most of them:
 * social-insurance contributions go under their 社会保障 项, medical contributions under 行政事业
 * 单位医疗, the housing fund under 住房公积金, pensions under 离退休, and everything else under
 * the unit's 运行 项 (行政运行 for a 行政单位, 事业运行 for a 事业单位). Pure.
 */
import type { UnitKind } from '../../domain';

export interface FunctionalItem {
  code: string;
  name: string;
}

type Rule = { dept: RegExp; names: Partial<Record<UnitKind | 'any', RegExp[]>> };

const RULES: Rule[] = [
  { dept: /^30108$/, names: { any: [/基本养老保险缴费/] } },
  { dept: /^30109$/, names: { any: [/职业年金/] } },
  {
    dept: /^30110$/,
    names: {
      administrative: [/^行政单位医疗$/],
      'civil-service-managed': [/^行政单位医疗$/, /^事业单位医疗$/],
      institution: [/^事业单位医疗$/],
      any: [/单位医疗$/],
    },
  },
  { dept: /^30111$/, names: { any: [/公务员医疗补助/] } },
  { dept: /^30113$/, names: { any: [/^住房公积金$/] } },
  {
    dept: /^303(01|02)$/,
    names: {
      administrative: [/行政单位离退休/],
      institution: [/事业单位离退休/],
      any: [/离退休|退休/],
    },
  },
];

const OPERATING: Record<UnitKind, RegExp[]> = {
  administrative: [/^行政运行$/, /^一般行政管理事务$/, /^机关服务$/],
  'civil-service-managed': [/^行政运行$/, /^事业运行$/],
  institution: [/^事业运行$/],
};

/** Names that only the specific rules fill (never a unit's catch-all). */
const SPECIFIC = RULES.flatMap((r) => Object.values(r.names).flat());

/**
 * The 项 (codes, among `items`, the document's 项 with basic spending) that a basic row with
 * department economic code `dept` of a unit of kind `kind` may go to, and why. Empty when none
 * fits.
 */
export function allowedItems(
  dept: string,
  kind: UnitKind,
  items: readonly FunctionalItem[],
): { codes: string[]; rule: string } {
  const match = (res: RegExp[] | undefined) =>
    items.filter((i) => (res ?? []).some((re) => re.test(i.name))).map((i) => i.code);
  const rule = RULES.find((r) => r.dept.test(dept));
  if (rule) {
    for (const res of [rule.names[kind], rule.names.any]) {
      const codes = match(res);
      if (codes.length > 0)
        return { codes, rule: `${dept} → ${res!.map((r) => r.source).join('|')}` };
    }
  }
  for (const re of OPERATING[kind]) {
    const codes = match([re]);
    if (codes.length > 0) return { codes, rule: `${dept} (${kind}) → ${re.source}` };
  }
  const rest = items.filter((i) => !SPECIFIC.some((re) => re.test(i.name))).map((i) => i.code);
  return { codes: rest, rule: `${dept} → any 项 not reserved to a specific economic code` };
}
