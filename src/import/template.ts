/**
 * The line-item import template (docs/import.md): the columns of a budget-lines file, the names a
 * header may use for them (English snake_case or the Chinese label), and the values accepted in
 * the enumerated columns. Pure data and look-ups.
 */
import type { ExpenditureKind, FundSource, Origin } from '../domain';
import type { AdjustmentType } from '../domain';

export type ImportKind = 'allocation' | 'adjustments';

/** Canonical column names, in template order. */
export const LINE_COLUMNS = [
  'unit_code',
  'fiscal_year',
  'fund_source',
  'functional_code',
  'kind',
  'dept_econ_code',
  'gov_econ_code',
  'project_code',
  'origin',
] as const;
export const ADJUSTMENT_COLUMNS = [
  'adjustment_id',
  'adjustment_type',
  'document_number',
  'reason',
  'effective_date',
] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];
export type AdjustmentColumn = (typeof ADJUSTMENT_COLUMNS)[number];
export type Column = LineColumn | AdjustmentColumn | 'amount' | 'delta';

/** The columns of each kind of file, in the order the template prints them. */
export const TEMPLATE_COLUMNS: Record<ImportKind, readonly Column[]> = {
  allocation: [...LINE_COLUMNS, 'amount'],
  adjustments: [...ADJUSTMENT_COLUMNS, ...LINE_COLUMNS, 'delta'],
};

/**
 * Columns a file must have. unit_code and fiscal_year may be left out (the command's --unit and
 * --year apply), origin too (当年预算), project_code too when the file has no project lines.
 */
export const REQUIRED_COLUMNS: Record<ImportKind, readonly Column[]> = {
  allocation: [
    'fund_source',
    'functional_code',
    'kind',
    'dept_econ_code',
    'gov_econ_code',
    'amount',
  ],
  adjustments: [
    'adjustment_id',
    'fund_source',
    'functional_code',
    'kind',
    'dept_econ_code',
    'gov_econ_code',
    'delta',
  ],
};

/** Chinese header labels accepted for each column (a finance system's export often uses them). */
const LABELS: Record<Column, readonly string[]> = {
  unit_code: ['单位编码', '单位代码'],
  fiscal_year: ['年度', '预算年度'],
  fund_source: ['资金来源', '资金性质'],
  functional_code: ['功能分类编码', '功能分类代码', '功能科目编码'],
  kind: ['支出类型', '支出类别'],
  dept_econ_code: ['部门经济分类编码', '部门经济分类代码'],
  gov_econ_code: ['政府经济分类编码', '政府经济分类代码'],
  project_code: ['项目编码', '项目代码'],
  origin: ['资金来源年度', '当年/结转'],
  amount: ['金额', '金额（元）', '金额(元)'],
  adjustment_id: ['调整编号', '调整单号'],
  adjustment_type: ['调整类型'],
  document_number: ['文号', '批复文号'],
  reason: ['调整原因', '原因'],
  effective_date: ['生效日期'],
  delta: ['调整金额', '调整金额（元）', '调整金额(元)'],
};

const BY_HEADER = new Map<string, Column>();
for (const [column, labels] of Object.entries(LABELS) as [Column, readonly string[]][]) {
  BY_HEADER.set(column, column);
  for (const label of labels) BY_HEADER.set(label, column);
}

/**
 * The column a header cell names, or null (headers are trimmed and compared case-insensitively).
 */
export function columnOf(header: string): Column | null {
  const h = header.replace(/^\uFEFF/, '').trim();
  return BY_HEADER.get(h.toLowerCase().replace(/[\s-]+/g, '_')) ?? BY_HEADER.get(h) ?? null;
}

function valueMap<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, aliases] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(value, value);
    for (const a of aliases) map.set(a, value);
  }
  return map;
}

export const KIND_VALUES = valueMap<ExpenditureKind>({
  personnel: ['人员经费'],
  public: ['公用经费'],
  project: ['项目支出', '项目'],
});
export const ORIGIN_VALUES = valueMap<Origin>({
  current: ['当年预算', '当年'],
  'carry-over': ['上年结转', '结转'],
});
export const ADJUSTMENT_TYPE_VALUES = valueMap<AdjustmentType>({
  increase: ['追加'],
  decrease: ['追减'],
  transfer: ['调剂'],
});
export const FUND_SOURCE_VALUES = valueMap<FundSource>({
  'general-public': ['一般公共预算', '一般公共预算拨款'],
  'government-fund': ['政府性基金预算', '政府性基金预算拨款'],
  'state-capital': ['国有资本经营预算', '国有资本经营预算拨款'],
  'special-account': ['财政专户管理资金'],
  'unit-funds': ['单位资金'],
  'business-income': ['事业收入'],
  'operating-income': ['事业单位经营收入', '经营收入'],
  'other-income': ['其他收入'],
});

/** The header line of the CSV template of a kind of file. */
export function templateHeader(kind: ImportKind): string {
  return TEMPLATE_COLUMNS[kind].join(',');
}
