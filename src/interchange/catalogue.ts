/**
 * What tables a published disclosure may contain, recognised by title keywords (never by
 * position), and how each table's header names map to the semantic column keys the consistency
 * checker reads. Ids follow the Shanxi 13-table layout (t01…t13) where a table means the same
 * thing; tables of another layout whose columns mean something else get their own id (sh01…).
 */

export type Family =
  | 'two-sided'
  | 'functional'
  | 'economic'
  | 'sangong'
  | 'agency'
  | 'projects'
  | 'state-capital'
  | 'shanghai-summary'
  | 'shanghai-special';

export interface ColumnRule {
  /** Tested against the column's header path ("本年支出/预算数/基本支出/人员经费"). */
  path: RegExp;
  key: string;
  kind: 'text' | 'amount';
}

export interface TableKind {
  id: string;
  family: Family;
  /** Tested against the title with spaces, quotes removed and full-width punctuation folded. */
  title: RegExp;
  columns: ColumnRule[];
}

const text = (path: RegExp, key: string): ColumnRule => ({ path, key, kind: 'text' });
const amount = (path: RegExp, key: string): ColumnRule => ({ path, key, kind: 'amount' });

/** Functional code columns: one (科目编码) or three (类 / 款 / 项). */
const CODE: ColumnRule[] = [
  text(/(编码|^项目)\/类$|\/类$/, 'code.类'),
  text(/\/款$/, 'code.款'),
  text(/\/项$/, 'code.项'),
  text(/科目编码$/, 'code'),
  text(/(科目)?名称$/, 'name'),
];
const SOURCES: ColumnRule[] = [
  amount(/一般公共预算(资金)?$/, 'generalPublicBudget'),
  amount(/政府性基金(预算)?$/, 'governmentFund'),
  amount(/国有资本经营(预算)?$/, 'stateCapital'),
  amount(/财政专户管理资金$/, 'fiscalSpecialAccount'),
  amount(/单位资金$/, 'unitFunds'),
  amount(/上年结转$/, 'carriedOver'),
  // Shanghai's revenue columns keep their own names (fund sources of another layout).
  amount(/财政拨款收入$/, 'fiscalAppropriation'),
  amount(/事业单位经营收入$/, 'operatingIncome'),
  amount(/事业收入$/, 'businessIncome'),
  amount(/其他收入$/, 'otherIncome'),
];
const BASIC_PROJECT: ColumnRule[] = [
  amount(/合计$/, 'total'),
  amount(/基本支出$/, 'basic'),
  amount(/项目支出$/, 'project'),
];
const FISCAL: ColumnRule[] = [amount(/(合计|小计)$/, 'total'), ...SOURCES];

export const TABLE_KINDS: TableKind[] = [
  {
    id: 'sh01',
    family: 'shanghai-summary',
    title: /财务收支预算总表$/,
    columns: [
      text(/收入\/项目$/, 'revenueItem'),
      amount(/收入\/预算数$/, 'revenueAmount'),
      text(/支出\/项目$/, 'expenditureItem'),
      amount(/人员经费$/, 'personnel'),
      amount(/公用经费$/, 'public'),
      amount(/项目支出$/, 'project'),
      amount(/合计$/, 'total'),
      // The 部门 variant prints one spending column, its 预算数 (no 基本/项目 split).
      amount(/^本年支出\/预算数$/, 'total'),
    ],
  },
  {
    id: 't04',
    family: 'two-sided',
    title: /财政拨款收支(预算)?总表$/,
    columns: [
      text(/收入\/项目$/, 'revenueItem'),
      amount(/收入\/(金额|预算数)$/, 'revenueAmount'),
      text(/支出\/项目$/, 'expenditureItem'),
      amount(/(小计|合计)$/, 'subtotal'),
      ...SOURCES,
    ],
  },
  {
    id: 't01',
    family: 'two-sided',
    title: /预算收支总表$/,
    columns: [
      text(/收入\/项目$/, 'revenueItem'),
      amount(/收入\/(\d{4}年|金额|预算数)$/, 'revenueAmount'),
      text(/支出\/项目$/, 'expenditureItem'),
      amount(/(\d{4}年)?合计$/, 'total'),
      amount(/当年预算安排$/, 'currentYear'),
      amount(/上年结转安排$/, 'carriedOver'),
    ],
  },
  {
    id: 't02',
    family: 'functional',
    title: /(预算收入总表|收入预算总表)$/,
    columns: [...CODE, amount(/合计$/, 'total'), ...SOURCES],
  },
  {
    id: 't03',
    family: 'functional',
    title: /(预算支出总表|支出预算总表)$/,
    columns: [...CODE, ...BASIC_PROJECT],
  },
  {
    id: 't05',
    family: 'functional',
    title: /一般公共预算支出(功能分类)?预算表(\(不含上年结转\))?$/,
    columns: [...CODE, ...BASIC_PROJECT],
  },
  {
    id: 't06',
    family: 'economic',
    title: /基本支出(分经济科目|部门预算经济分类预算)表(\(不含上年结转\))?$/,
    columns: [
      text(/编码\/类$/, 'code.类'),
      text(/\/款$/, 'code.款'),
      // "部门经济分类科目名称", or "项目/经济分类科目名称" in the Shanghai 部门 variant.
      text(
        /(部门(预算支出)?经济(科目|分类科目)|^项目\/经济分类科目)名称$/,
        'departmentEconomicClass',
      ),
      text(/政府预算支出经济科目名称$/, 'governmentEconomicClass'),
      amount(/合计$/, 'total'),
      amount(/人员经费$/, 'personnel'),
      amount(/公用经费$/, 'public'),
    ],
  },
  {
    id: 't07',
    family: 'functional',
    title: /政府性基金预算收入表(\(不含上年结转\))?$/,
    columns: [
      text(/收入科目编码$/, 'code'),
      text(/科目名称$/, 'name'),
      amount(/政府性基金收入预算$/, 'amount'),
    ],
  },
  {
    id: 't08',
    family: 'functional',
    title: /政府性基金预算支出(功能分类预算)?表(\(不含上年结转\))?$/,
    columns: [...CODE, ...BASIC_PROJECT],
  },
  {
    id: 't09',
    family: 'state-capital',
    title: /国有资本经营预算收支预算表(\(不含上年结转\))?$/,
    columns: [
      text(/收入科目编码$/, 'revenueCode'),
      amount(/国有资本经营收入预算$/, 'revenue'),
      text(/收入\/项目\/科目名称$|收入\/项目$/, 'revenueName'),
      text(/支出\/科目编码$/, 'code'),
      text(/支出\/科目名称$/, 'name'),
      amount(/合计$/, 'expenditureTotal'),
      amount(/基本支出$/, 'basic'),
      amount(/项目支出$/, 'project'),
    ],
  },
  {
    id: 'sh07',
    family: 'functional',
    title: /国有资本经营预算支出功能分类预算表$/,
    columns: [...CODE, ...BASIC_PROJECT],
  },
  {
    id: 'sh09',
    family: 'shanghai-special',
    title: /三公经费和机关运行经费预算表$/,
    columns: [
      amount(/三公经费预算数\/合计$/, 'sanGong.total'),
      amount(/因公出国\(境\)费$/, 'sanGong.overseasTravel'),
      amount(/公务接待费$/, 'sanGong.officialReception'),
      amount(/公务用车购置及运行费\/小计$/, 'sanGong.vehicles'),
      amount(/购置费$/, 'sanGong.vehiclePurchase'),
      amount(/运行(维护)?费$/, 'sanGong.vehicleOperation'),
      amount(/机关运行经费预算数?$/, 'agencyOperating'),
    ],
  },
  {
    id: 't10',
    family: 'sangong',
    title: /三公经费支出预算表$/,
    columns: [text(/^项目$/, 'item'), ...FISCAL],
  },
  {
    id: 't11',
    family: 'agency',
    title: /机关运行经费预算表$/,
    columns: [text(/^单位名称$/, 'unitName'), ...FISCAL],
  },
  {
    id: 't12',
    family: 'projects',
    title: /项目支出预算表\(本年预算\)$/,
    columns: [text(/^项目名称$/, 'project'), ...FISCAL],
  },
  {
    id: 't13',
    family: 'projects',
    title: /项目支出预算表\(上年结转\)$/,
    columns: [text(/^项目名称$/, 'project'), ...FISCAL],
  },
];

/** Performance forms: read for their money (project forms) and facts (the whole-unit form). */
export const FORM_TITLES = {
  unit: /整体支出绩效目标(申报)?表$/,
  project: /项目支出绩效目标表$/,
} as const;

/** A title as compared with the patterns: no spaces or quotes, full-width punctuation folded. */
export function titleKey(line: string): string {
  return line
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s“”"]/g, '');
}

/** The table kind a line is the title of, or null. Sentences of prose are never titles. */
export function tableKindOf(line: string): TableKind | null {
  const key = titleKey(line);
  if (key.length === 0 || key.length > 60 || /[。，,；;:]/.test(key)) return null;
  return TABLE_KINDS.find((k) => k.title.test(key)) ?? null;
}

export function formKindOf(line: string): 'unit' | 'project' | null {
  const key = titleKey(line);
  if (key.length > 60) return null;
  if (FORM_TITLES.unit.test(key)) return 'unit';
  if (FORM_TITLES.project.test(key)) return 'project';
  return null;
}
