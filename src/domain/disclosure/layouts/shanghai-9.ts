/**
 * The Shanghai 9-table layout (上海市市级单位预算公开, e.g. 上海市财政局 2025): a renderer over the
 * same facts the 13-table layout is built from (DisclosureFacts + the year's reference data). It
 * produces the generic table form (header rows as published, rows in published order, amounts in
 * 元 as published — whole 元, or 元 with 2 decimals as the Putuo documents print them; table 9 in
 * 万元 with 2 decimals), so every renderer of generic tables (CSV) takes it as is. Two variants
 * (ShanghaiStyle): 单位 (预算单位…; table 1 splits 基本支出 into 人员经费/公用经费 and prints
 * 项目支出) and 部门 (部门…; table 1 prints one 预算数 column of spending).
 * Only current-year lines (origin 'current') are printed: the layout has no 上年结转 columns.
 * Pure: the same facts always give the same tables. See docs/layouts.md.
 */
import type { BudgetLineKey } from '../../budget/line';
import { sanGongCodes, type SanGongItem } from '../../policy/sangong';
import type { ReferenceIndex } from '../../reference/lookup';
import type { FundSource } from '../../reference/types';
import { agencyOperatingLine, agencyOperatingRule } from '../agency-operating';
import type { Cell } from '../amounts';
import type { DisclosureFacts } from '../facts';
import type { GenericTable, RowRole } from '../table';

export const SHANGHAI_TABLE_IDS = [
  'sh01',
  'sh02',
  'sh03',
  'sh04',
  'sh05',
  'sh06',
  'sh07',
  'sh08',
  'sh09',
] as const;
export type ShanghaiTableId = (typeof SHANGHAI_TABLE_IDS)[number];

/** The fiscal-appropriation sources in the order table 1 / table 4 print them. */
const FISCAL: FundSource[] = ['general-public', 'government-fund', 'state-capital'];
const ORDINALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
  '二十一',
  '二十二',
  '二十三',
  '二十四',
  '二十五',
  '二十六',
  '二十七',
  '二十八',
  '二十九',
  '三十',
];

type Line = { key: BudgetLineKey; fen: number };
type Pred = (l: BudgetLineKey) => boolean;
type GRow = GenericTable['rows'][number];

/** Exact yuan string → fen (no floating point). */
function toFen(amount: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) throw new Error(`not an amount: ${amount}`);
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] === '-' ? -v : v;
}
/**
 * fen → 元 as the layout prints them: whole 元 rounded half-up, or with 2 decimals (exact); 0
 * prints as an empty cell.
 */
export function yuanCell(fen: number, decimals: 0 | 2 = 0): Cell {
  if (decimals === 2) {
    if (fen === 0) return null;
    const a = Math.abs(fen);
    return `${fen < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
  }
  const y = Math.floor((Math.abs(fen) + 50) / 100);
  return y === 0 ? null : `${fen < 0 ? '-' : ''}${y}`;
}

/**
 * How a document of the layout prints: its variant (单位预算 or 部门预算) and its 元 amounts
 * (whole, or with 2 decimals). Default: the 单位 variant in whole 元, as the Shanghai sample.
 */
export interface ShanghaiStyle {
  variant: 'unit' | 'department';
  decimals: 0 | 2;
}
export const SHANGHAI_STYLE: ShanghaiStyle = { variant: 'unit', decimals: 0 };
/**
 * fen → 万元 rounded half-up to 2 decimals (table 9 prints 0.00 where the sample prints figures,
 * empty for a zero 购置费).
 */
export function wanCell(fen: number, zero: Cell = null): Cell {
  if (fen === 0) return zero;
  const h = Math.floor((Math.abs(fen) + 5000) / 10000);
  return `${fen < 0 ? '-' : ''}${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

export interface ShanghaiLayout {
  fiscalYear: number;
  unitName: string;
  /** The variant and 元 the tables print (the document's cover and headings follow the variant). */
  style: ShanghaiStyle;
  tables: Record<ShanghaiTableId, GenericTable>;
}

/** How a document of the variant names itself: cover, the 部门/单位 line, the tables' part. */
export function shanghaiHeadings(layout: ShanghaiLayout): {
  title: string;
  subtitle: string;
  unitLabel: string;
  part: string;
} {
  const y = layout.fiscalYear;
  return layout.style.variant === 'department'
    ? {
        title: `上海市${y}年部门预算`,
        subtitle: `预算主管部门：${layout.unitName}`,
        unitLabel: '编制部门',
        part: '部门预算表',
      }
    : {
        title: `上海市${y}年市级单位预算`,
        subtitle: `预算单位：${layout.unitName}`,
        unitLabel: '编制单位',
        part: '单位预算表',
      };
}

interface Ctx {
  facts: DisclosureFacts;
  ref: ReferenceIndex;
  lines: Line[];
  year: number;
  style: ShanghaiStyle;
  /** 元 cell as this document prints it. */
  yuan: (fen: number) => Cell;
  /** The title's subject: 预算单位 (单位 variant) or 部门. */
  who: string;
}

const sum = (ctx: Ctx, p: Pred) => ctx.lines.reduce((s, l) => (p(l.key) ? s + l.fen : s), 0);
const isFiscal: Pred = (k) => FISCAL.includes(k.fundSource);
const isBasic: Pred = (k) => k.kind !== 'project';
const fc =
  (code: string): Pred =>
  (k) =>
    k.functionalCode.startsWith(code);
const and =
  (...ps: Pred[]): Pred =>
  (k) =>
    ps.every((p) => p(k));
const src =
  (s: FundSource): Pred =>
  (k) =>
    k.fundSource === s;
/** 事业收入 and 事业单位经营收入 are 单位资金 of their kind; 其他收入 is the rest of what is not 财政拨款:
 *  other-income, 单位资金 of no stated kind and 财政专户管理资金 (the layout prints no column for it). */
const businessIncome = src('business-income');
const operatingIncome = src('operating-income');
const otherIncome: Pred = (k) =>
  k.fundSource === 'other-income' ||
  k.fundSource === 'unit-funds' ||
  k.fundSource === 'special-account';

function table(
  id: ShanghaiTableId,
  title: string,
  moneyUnit: '元' | '万元',
  columns: string[][],
  keys: string[],
  kinds: ('text' | 'amount')[],
  rows: GRow[],
): GenericTable {
  const empty = rows.every((r) => r.cells.every((c, i) => kinds[i] !== 'amount' || c === null));
  return { id, title, moneyUnit, columns, keys, kinds, rows, note: empty ? '本表无数据' : null };
}

/** The functional codes (类, 款, 项) with a non-zero amount under `p`, in classification order. */
function functionalCodes(ctx: Ctx, p: Pred): string[] {
  const codes = new Set<string>();
  for (const l of ctx.lines) {
    if (!p(l.key) || l.fen === 0) continue;
    const c = l.key.functionalCode;
    [c.slice(0, 3), c.slice(0, 5), c].forEach((x) => codes.add(x));
  }
  return [...codes].filter((c) => sum(ctx, and(p, fc(c))) !== 0).sort();
}

const CODE_HEADER = ['功能分类科目编码', '', '', '功能分类科目名称'];
const codeCells = (c: string, name: Cell): Cell[] => [
  c.slice(0, 3),
  c.length >= 5 ? c.slice(3, 5) : null,
  c.length === 7 ? c.slice(5, 7) : null,
  name,
];

/** Tables 2, 3, 5, 6, 7: functional rows with amount columns, then 合计. */
function functionalTable(
  ctx: Ctx,
  id: ShanghaiTableId,
  title: string,
  group: string,
  scope: Pred,
  cols: { key: string; title: string; pred: Pred }[],
): GenericTable {
  const columns = [
    ['项目', '', '', '', group, ...cols.slice(1).map(() => '')],
    [...CODE_HEADER, ...cols.map((c) => c.title)],
    ['类', '款', '项', '', ...cols.map(() => '')],
  ];
  const keys = ['code.类', 'code.款', 'code.项', 'name', ...cols.map((c) => c.key)];
  const kinds = [...Array<'text'>(4).fill('text'), ...cols.map(() => 'amount' as const)];
  const rows: GRow[] = functionalCodes(ctx, scope).map((c) => ({
    role: 'class' as RowRole,
    code: c,
    key: null,
    cells: [
      ...codeCells(c, ctx.ref.name('functional', c) ?? null),
      ...cols.map((col) => ctx.yuan(sum(ctx, and(scope, fc(c), col.pred)))),
    ],
  }));
  rows.push({
    role: 'total',
    code: null,
    key: 'total',
    cells: [
      '合计',
      null,
      null,
      null,
      ...cols.map((col) => ctx.yuan(sum(ctx, and(scope, col.pred)))),
    ],
  });
  return table(id, title, '元', columns, keys, kinds, rows);
}

/** Two-sided tables 1 and 4: revenue rows beside expenditure 类 rows, row by row. */
function pairRows(
  revenue: { label: string; key: string; cells: Cell[] }[],
  spending: { code: string; cells: Cell[] }[],
  width: number,
): GRow[] {
  const n = Math.max(revenue.length, spending.length);
  const rows: GRow[] = [];
  for (let i = 0; i < n; i++) {
    const r = revenue[i];
    const s = spending[i];
    rows.push({
      role: 'item',
      code: s?.code ?? null,
      key: r?.key ?? null,
      cells: [
        r?.label ?? null,
        ...(r?.cells ?? [null]),
        ...(s ? s.cells : Array<Cell>(width).fill(null)),
      ],
    });
  }
  return rows;
}

function categoryRows(ctx: Ctx, scope: Pred, cols: Pred[]): { code: string; cells: Cell[] }[] {
  return functionalCodes(ctx, scope)
    .filter((c) => c.length === 3)
    .map((c, i) => ({
      code: c,
      cells: [
        `${ORDINALS[i] ?? String(i + 1)}、${ctx.ref.name('functional', c) ?? c}`,
        ...cols.map((p) => ctx.yuan(sum(ctx, and(scope, fc(c), p)))),
      ],
    }));
}

function sh01(ctx: Ctx): GenericTable {
  const y = ctx.year;
  const all: Pred = () => true;
  const spendCols: Pred[] = [
    all,
    (k) => k.kind === 'personnel',
    (k) => k.kind === 'public',
    (k) => k.kind === 'project',
  ];
  const fiscal = sum(ctx, isFiscal);
  const revenue = [
    { label: '一、财政拨款收入', key: 'revenue:财政拨款收入', cells: [ctx.yuan(fiscal)] },
    {
      label: '1、一般公共预算资金',
      key: 'revenue.general-public',
      cells: [ctx.yuan(sum(ctx, src('general-public')))],
    },
    {
      label: '2、政府性基金',
      key: 'revenue.government-fund',
      cells: [ctx.yuan(sum(ctx, src('government-fund')))],
    },
    {
      label: '3、国有资本经营预算',
      key: 'revenue.state-capital',
      cells: [ctx.yuan(sum(ctx, src('state-capital')))],
    },
    { label: '二、事业收入', key: 'revenue:事业收入', cells: [ctx.yuan(sum(ctx, businessIncome))] },
    {
      label: '三、事业单位经营收入',
      key: 'revenue:事业单位经营收入',
      cells: [ctx.yuan(sum(ctx, operatingIncome))],
    },
    { label: '四、其他收入', key: 'revenue:其他收入', cells: [ctx.yuan(sum(ctx, otherIncome))] },
  ];
  if (ctx.style.variant === 'department') return sh01Department(ctx, revenue);
  const rows = pairRows(revenue, categoryRows(ctx, all, spendCols), 5);
  rows.push({
    role: 'total',
    code: null,
    key: 'grandTotal',
    cells: [
      '收入总计',
      ctx.yuan(sum(ctx, all)),
      '支出总计',
      ...spendCols.map((p) => ctx.yuan(sum(ctx, p))),
    ],
  });
  return table(
    'sh01',
    `${y}年${ctx.who}财务收支预算总表`,
    '元',
    [
      ['本年收入', '', '本年支出', '', '', '', ''],
      ['项目', '预算数', '项目', '预算数', '', '', ''],
      ['', '', '', '合计', '基本支出', '', '项目支出'],
      ['', '', '', '', '人员经费', '公用经费', ''],
    ],
    ['revenueItem', 'revenueAmount', 'expenditureItem', 'total', 'personnel', 'public', 'project'],
    ['text', 'amount', 'text', 'amount', 'amount', 'amount', 'amount'],
    rows,
  );
}

/** The 部门 variant's table 1: spending by 类 in one 预算数 column. */
function sh01Department(
  ctx: Ctx,
  revenue: { label: string; key: string; cells: Cell[] }[],
): GenericTable {
  const all: Pred = () => true;
  const rows = pairRows(revenue, categoryRows(ctx, all, [all]), 2);
  rows.push({
    role: 'total',
    code: null,
    key: 'grandTotal',
    cells: ['收入总计', ctx.yuan(sum(ctx, all)), '支出总计', ctx.yuan(sum(ctx, all))],
  });
  return table(
    'sh01',
    `${ctx.year}年部门财务收支预算总表`,
    '元',
    [
      ['本年收入', '', '本年支出', ''],
      ['项目', '预算数', '项目', '预算数'],
    ],
    ['revenueItem', 'revenueAmount', 'expenditureItem', 'total'],
    ['text', 'amount', 'text', 'amount'],
    rows,
  );
}

function sh04(ctx: Ctx): GenericTable {
  const revenue = [
    {
      label: '一、一般公共预算资金',
      key: 'revenue.general-public',
      cells: [ctx.yuan(sum(ctx, src('general-public')))],
    },
    {
      label: '二、政府性基金',
      key: 'revenue.government-fund',
      cells: [ctx.yuan(sum(ctx, src('government-fund')))],
    },
    {
      label: '三、国有资本经营预算',
      key: 'revenue.state-capital',
      cells: [ctx.yuan(sum(ctx, src('state-capital')))],
    },
  ];
  const cols: Pred[] = [() => true, ...FISCAL.map(src)];
  const rows = pairRows(revenue, categoryRows(ctx, isFiscal, cols), 5);
  const total = sum(ctx, isFiscal);
  rows.push({
    role: 'total',
    code: null,
    key: 'grandTotal',
    cells: [
      '收入总计',
      ctx.yuan(total),
      '支出总计',
      ...cols.map((p) => ctx.yuan(sum(ctx, and(isFiscal, p)))),
    ],
  });
  return table(
    'sh04',
    `${ctx.year}年${ctx.who}财政拨款收支预算总表`,
    '元',
    [
      ['财政拨款收入', '', '财政拨款支出', '', '', '', ''],
      ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
    ],
    [
      'revenueItem',
      'revenueAmount',
      'expenditureItem',
      'subtotal',
      'generalPublicBudget',
      'governmentFund',
      'stateCapital',
    ],
    ['text', 'amount', 'text', 'amount', 'amount', 'amount', 'amount'],
    rows,
  );
}

const spendingColumns = [
  { key: 'total', title: '合计', pred: (() => true) as Pred },
  { key: 'basic', title: '基本支出', pred: isBasic },
  { key: 'project', title: '项目支出', pred: ((k) => k.kind === 'project') as Pred },
];

function sh08(ctx: Ctx): GenericTable {
  const scope = and(src('general-public'), isBasic);
  const econ = new Set<string>();
  for (const l of ctx.lines)
    if (scope(l.key) && l.fen !== 0)
      [l.key.deptEconCode.slice(0, 3), l.key.deptEconCode].forEach((c) => econ.add(c));
  const cols: Pred[] = [() => true, (k) => k.kind === 'personnel', (k) => k.kind === 'public'];
  const rows: GRow[] = [...econ]
    .filter(
      (c) =>
        sum(
          ctx,
          and(scope, (k) => k.deptEconCode.startsWith(c)),
        ) !== 0,
    )
    .sort()
    .map((c) => ({
      role: (c.length === 3 ? 'group' : 'item') as RowRole,
      code: c,
      key: c.length === 5 ? c : null,
      cells: [
        c.slice(0, 3),
        c.length === 5 ? c.slice(3) : null,
        ctx.ref.name('departmentEconomic', c) ?? null,
        ...cols.map((p) =>
          ctx.yuan(
            sum(
              ctx,
              and(scope, (k) => k.deptEconCode.startsWith(c), p),
            ),
          ),
        ),
      ],
    }));
  rows.push({
    role: 'total',
    code: null,
    key: 'total',
    cells: ['合计', null, null, ...cols.map((p) => ctx.yuan(sum(ctx, and(scope, p))))],
  });
  return table(
    'sh08',
    `${ctx.year}年${ctx.who}一般公共预算基本支出部门预算经济分类预算表`,
    '元',
    [
      ['项目', '', '', '一般公共预算基本支出', '', ''],
      ['经济分类科目编码', '', '部门经济分类科目名称', '合计', '人员经费', '公用经费'],
      ['类', '款', '', '', '', ''],
    ],
    ['code.类', 'code.款', 'departmentEconomicClass', 'total', 'personnel', 'public'],
    ['text', 'text', 'text', 'amount', 'amount', 'amount'],
    rows,
  );
}

/** 三公 items by the year's department economic 款 (all spending kinds, fiscal sources). */
function sh09(ctx: Ctx): GenericTable {
  const item = (key: SanGongItem) => {
    const codes = sanGongCodes(ctx.ref.data.policy.sanGong, [key]);
    return sum(
      ctx,
      and(isFiscal, (k) => codes.includes(k.deptEconCode)),
    );
  };
  const travel = item('overseasTravel');
  const reception = item('officialReception');
  const purchase = item('vehiclePurchase');
  const operation = item('vehicleOperation');
  const rule = agencyOperatingRule(ctx.ref);
  const sources = new Set<string>(rule.fundSources);
  const counted = agencyOperatingLine(rule, ctx.facts.units);
  const agency = sum(ctx, (k) => sources.has(k.fundSource) && counted(k));
  const zero = '0.00';
  return table(
    'sh09',
    `${ctx.year}年${ctx.style.variant === 'department' ? '部门' : '单位'}“三公”经费和机关运行经费预算表`,
    '万元',
    [
      ['“三公”经费预算数', '', '', '', '', '', '机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '', '', ''],
      ['', '', '', '小计', '购置费', '运行费', ''],
    ],
    [
      'sanGong.total',
      'sanGong.overseasTravel',
      'sanGong.officialReception',
      'sanGong.vehicles',
      'sanGong.vehiclePurchase',
      'sanGong.vehicleOperation',
      'agencyOperating',
    ],
    Array<'amount'>(7).fill('amount'),
    [
      {
        role: 'total',
        code: null,
        key: 'total',
        cells: [
          wanCell(travel + reception + purchase + operation, zero),
          wanCell(travel, zero),
          wanCell(reception, zero),
          wanCell(purchase + operation, zero),
          wanCell(purchase),
          wanCell(operation, zero),
          wanCell(agency, zero),
        ],
      },
    ],
  );
}

/** The 9 tables of the Shanghai layout, in published order. */
export function renderShanghai9(
  facts: DisclosureFacts,
  reference: ReferenceIndex,
  style: ShanghaiStyle = SHANGHAI_STYLE,
): ShanghaiLayout {
  const lines = facts.lines
    .filter((l) => l.line.origin === 'current')
    .map((l) => ({ key: l.line, fen: toFen(l.amount) }));
  const ctx: Ctx = {
    facts,
    ref: reference,
    lines,
    year: facts.fiscalYear,
    style,
    yuan: (fen) => yuanCell(fen, style.decimals),
    who: style.variant === 'department' ? '部门' : '预算单位',
  };
  const y = facts.fiscalYear;
  const all: Pred = () => true;
  const revenueCols = [
    { key: 'total', title: '合计', pred: all },
    { key: 'fiscalAppropriation', title: '财政拨款收入', pred: isFiscal },
    { key: 'businessIncome', title: '事业收入', pred: businessIncome },
    { key: 'operatingIncome', title: '事业单位经营收入', pred: operatingIncome },
    { key: 'otherIncome', title: '其他收入', pred: otherIncome },
  ];
  const tables: Record<ShanghaiTableId, GenericTable> = {
    sh01: sh01(ctx),
    sh02: functionalTable(
      ctx,
      'sh02',
      `${y}年${ctx.who}收入预算总表`,
      '收入预算',
      all,
      revenueCols,
    ),
    sh03: functionalTable(
      ctx,
      'sh03',
      `${y}年${ctx.who}支出预算总表`,
      '支出预算',
      all,
      spendingColumns,
    ),
    sh04: sh04(ctx),
    sh05: functionalTable(
      ctx,
      'sh05',
      `${y}年${ctx.who}一般公共预算支出功能分类预算表`,
      '一般公共预算支出',
      src('general-public'),
      spendingColumns,
    ),
    sh06: functionalTable(
      ctx,
      'sh06',
      `${y}年${ctx.who}政府性基金预算支出功能分类预算表`,
      '政府性基金预算支出',
      src('government-fund'),
      spendingColumns,
    ),
    sh07: functionalTable(
      ctx,
      'sh07',
      `${y}年${ctx.who}国有资本经营预算支出功能分类预算表`,
      '国有资本经营预算支出',
      src('state-capital'),
      spendingColumns,
    ),
    sh08: sh08(ctx),
    sh09: sh09(ctx),
  };
  return { fiscalYear: y, unitName: facts.units[0]?.name ?? facts.department.name, style, tables };
}

/** The leaf title of each column (the lowest non-empty header cell), e.g. for a CSV header. */
export function leafTitles(table: GenericTable): string[] {
  return table.keys.map(
    (key, k) =>
      [...table.columns]
        .reverse()
        .map((r) => r[k] ?? '')
        .find((t) => t !== '') ?? key,
  );
}

export const LAYOUTS = ['shanxi-13', 'shanghai-9', 'jiangsu-12'] as const;
export type LayoutId = (typeof LAYOUTS)[number];
