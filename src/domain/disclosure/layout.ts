/**
 * The Shanxi (汾阳) 13-table unit-budget layout as data: labels, titles, published header rows,
 * column keys, and the rows the layout fixes (三公 items). `{year}` is substituted. Another
 * jurisdiction's layout is another object of this shape; the builders read nothing else.
 */
import { sanGongCodes, type SanGongDefinition, type SanGongItem } from '../policy/sangong';
import type { RevenueSource } from '../reference/types';
import type { ColumnSpec, TableId } from './table';

export interface TableLayout {
  label: string | null;
  title: string;
  headerRows: string[][];
  columns: ColumnSpec[];
}

const text = (key: string, title: string): ColumnSpec => ({ key, title, kind: 'text' });
const amount = (key: string, title: string): ColumnSpec => ({ key, title, kind: 'amount' });

/** Column key of each fund source, in every table that has a column per source. */
export const SOURCE_KEYS: Record<RevenueSource, string> = {
  'general-public': 'generalPublicBudget',
  'government-fund': 'governmentFund',
  'state-capital': 'stateCapital',
  'special-account': 'fiscalSpecialAccount',
  'unit-funds': 'unitFunds',
};

const CODE_NAME = [text('code', '科目编码'), text('name', '科目名称')];
const BASIC_PROJECT = [
  amount('total', '合计'),
  amount('basic', '基本支出'),
  amount('project', '项目支出'),
];
const FISCAL = [
  amount('generalPublicBudget', '一般公共预算'),
  amount('governmentFund', '政府性基金预算'),
  amount('stateCapital', '国有资本经营预算'),
];
const FISCAL_HEAD = ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'];

/** 三公 rows of table 10: semantic key, printed item, the year's 三公 items it counts. */
export const SANGONG_ROWS: readonly { key: string; item: string; items: SanGongItem[] }[] = [
  { key: 'sanGong.overseasTravel', item: '因公出国（境）费', items: ['overseasTravel'] },
  { key: 'sanGong.officialReception', item: '公务接待费', items: ['officialReception'] },
  {
    key: 'sanGong.vehicles',
    item: '公务用车购置及运行费',
    items: ['vehiclePurchase', 'vehicleOperation'],
  },
  { key: 'sanGong.vehiclePurchase', item: '①公务用车购置费', items: ['vehiclePurchase'] },
  { key: 'sanGong.vehicleOperation', item: '②公务用车运行维护费', items: ['vehicleOperation'] },
];

/**
 * The department economic 款 a table-10 row counts, from the year's 三公 codes: its items' codes,
 * the `total` row all of them; undefined for a key that is no row of the table.
 */
export function sanGongRowCodes(
  sanGong: SanGongDefinition,
  key: string | null,
): string[] | undefined {
  if (key === 'total') return sanGongCodes(sanGong);
  const row = SANGONG_ROWS.find((r) => r.key === key);
  return row && sanGongCodes(sanGong, row.items);
}

export const SHANXI_LAYOUT: Record<TableId, TableLayout> = {
  t01: {
    label: '预算公开表1',
    title: '{year}年预算收支总表',
    headerRows: [
      ['收入', '', '支出', '', '', ''],
      ['项目', '{year}年', '项目', '{year}年合计', '当年预算安排', '上年结转安排'],
    ],
    columns: [
      text('revenueItem', '项目'),
      amount('revenueAmount', '{year}年'),
      text('expenditureItem', '项目'),
      amount('total', '{year}年合计'),
      amount('currentYear', '当年预算安排'),
      amount('carriedOver', '上年结转安排'),
    ],
  },
  t02: {
    label: null,
    title: '{year}年预算收入总表',
    // Published order: the five sources under 本年收入, then 上年结转 (the extracted text garbles
    // the last two).
    headerRows: [
      ['项目', '', '本年收入', '', '', '', '', '', '上年结转'],
      [
        '科目编码',
        '科目名称',
        '合计',
        '一般公共预算',
        '政府性基金',
        '国有资本经营预算',
        '财政专户管理资金',
        '单位资金',
        '',
      ],
    ],
    columns: [
      ...CODE_NAME,
      amount('total', '合计'),
      amount('generalPublicBudget', '一般公共预算'),
      amount('governmentFund', '政府性基金'),
      amount('stateCapital', '国有资本经营预算'),
      amount('fiscalSpecialAccount', '财政专户管理资金'),
      amount('unitFunds', '单位资金'),
      amount('carriedOver', '上年结转'),
    ],
  },
  t03: {
    label: null,
    title: '{year}年预算支出总表',
    headerRows: [
      ['项目', '', '{year}年预算数', '', ''],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ],
    columns: [...CODE_NAME, ...BASIC_PROJECT],
  },
  t04: {
    label: null,
    title: '{year}年财政拨款收支总表',
    headerRows: [
      ['收入', '', '支出', '', '', '', ''],
      ['项目', '金额', '项目', '金额', '', '', ''],
      ['', '', '', '小计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
    ],
    columns: [
      text('revenueItem', '项目'),
      amount('revenueAmount', '金额'),
      text('expenditureItem', '项目'),
      amount('subtotal', '小计'),
      ...FISCAL,
    ],
  },
  t05: {
    label: null,
    title: '{year}年一般公共预算支出预算表（不含上年结转）',
    headerRows: [
      ['项目', '', '{year}年预算数', '', ''],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ],
    columns: [...CODE_NAME, ...BASIC_PROJECT],
  },
  t06: {
    label: null,
    title: '{year}年一般公共预算安排基本支出分经济科目表（不含上年结转）',
    headerRows: [
      ['部门预算支出经济科目名称', '政府预算支出经济科目名称', '{year}年预算数', '', ''],
      ['', '', '合计', '人员经费', '公用经费'],
    ],
    columns: [
      text('departmentEconomicClass', '部门预算支出经济科目名称'),
      text('governmentEconomicClass', '政府预算支出经济科目名称'),
      amount('total', '合计'),
      amount('personnel', '人员经费'),
      amount('public', '公用经费'),
    ],
  },
  t07: {
    label: null,
    title: '{year}年政府性基金预算收入表（不含上年结转）',
    headerRows: [
      ['项目', '', '政府性基金收入预算'],
      ['收入科目编码', '科目名称', ''],
    ],
    columns: [
      text('code', '收入科目编码'),
      text('name', '科目名称'),
      amount('amount', '政府性基金收入预算'),
    ],
  },
  t08: {
    label: null,
    title: '{year}年政府性基金预算支出表（不含上年结转）',
    headerRows: [['科目编码', '科目名称', '合计', '基本支出', '项目支出']],
    columns: [...CODE_NAME, ...BASIC_PROJECT],
  },
  t09: {
    label: '部门公开表9',
    title: '{year}年国有资本经营预算收支预算表（不含上年结转）',
    headerRows: [
      ['国有资本经营预算收入', '', '', '国有资本经营预算支出', '', '', '', ''],
      ['项目', '', '国有资本经营收入预算', '科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['收入科目编码', '科目名称', '', '', '', '', '', ''],
    ],
    columns: [
      text('revenueCode', '收入科目编码'),
      text('revenueName', '科目名称'),
      amount('revenue', '国有资本经营收入预算'),
      text('code', '科目编码'),
      text('name', '科目名称'),
      amount('expenditureTotal', '合计'),
      amount('basic', '基本支出'),
      amount('project', '项目支出'),
    ],
  },
  t10: {
    label: '预算公开表10',
    title: '{year}年财政拨款安排“三公”经费支出预算表',
    headerRows: [
      ['项目', '{year}年预算数', '', '', ''],
      ['', ...FISCAL_HEAD],
    ],
    columns: [text('item', '项目'), amount('total', '合计'), ...FISCAL],
  },
  t11: {
    label: null,
    title: '{year}年财政拨款安排机关运行经费预算表',
    // Printed "2024预算数" (without 年).
    headerRows: [
      ['单位名称', '{year}预算数', '', '', ''],
      ['', ...FISCAL_HEAD],
    ],
    columns: [text('unitName', '单位名称'), amount('total', '合计'), ...FISCAL],
  },
  t12: {
    label: null,
    title: '{year}年项目支出预算表（本年预算）',
    headerRows: [
      ['项目名称', '合计', '{year}年财政拨款', '', '', '财政专户管理资金', '单位资金'],
      ['', '', '一般公共预算', '政府性基金预算', '国有资本经营预算', '', ''],
      ['1', '2', '3', '4', '5', '6', '7'],
    ],
    columns: [
      text('project', '项目名称'),
      amount('total', '合计'),
      ...FISCAL,
      amount('fiscalSpecialAccount', '财政专户管理资金'),
      amount('unitFunds', '单位资金'),
    ],
  },
  t13: {
    label: null,
    title: '{year}年项目支出预算表（上年结转）',
    headerRows: [
      ['项目名称', '合计', '{year}年财政拨款', '', ''],
      ['', '', '一般公共预算', '政府性基金 预算', '国有资本 经营预算'],
      ['1', '2', '3', '4', '5'],
    ],
    columns: [
      text('project', '项目名称'),
      amount('total', '合计'),
      amount('generalPublicBudget', '一般公共预算'),
      amount('governmentFund', '政府性基金 预算'),
      amount('stateCapital', '国有资本 经营预算'),
    ],
  },
};

/** Labels of the fixed rows of the two-sided summary tables (1 and 4). */
export interface SummaryRowLabels {
  currentYear: readonly [string, string];
  carryover: readonly [string, string];
  grandTotal: readonly [string, string];
}

export const SUMMARY_ROWS: Record<'t01' | 't04', SummaryRowLabels> = {
  t01: {
    currentYear: ['本年收入合计', '本年支出合计'],
    carryover: ['上年结转', '年终结转'],
    grandTotal: ['收入总计', '支出总计'],
  },
  t04: {
    currentYear: ['本年收入合计', '本年支出合计'],
    carryover: ['上年财政拨款结转', '年终结转'],
    grandTotal: ['收入总计', '支出总计'],
  },
} as const;

export const TOTAL_LABEL = '合计';
export const DEPARTMENT_TOTAL_LABEL = '部门合计';

/** Chinese ordinal used in front of the 30 类 and the fund sources (一、 … 三十、). */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]!}十${digits[n % 10]!}`;
}
