/**
 * The Jiangsu 12-table provincial layout (省级部门预算, 万元 with 2 decimals): a renderer over the
 * same facts as the other layouts (DisclosureFacts + the year's reference data), in the normalised
 * form the parser reads a Jiangsu document into (src/interchange/jiangsu.ts: one row per printed
 * figure, keyed by what it means), so that a rendered table and a published one compare figure by
 * figure (compare.ts). Zero prints as an empty cell.
 *
 * 单位预留机动经费 is the lines of the project named so (JIANGSU_RESERVE_PROJECT: the importer puts a
 * printed reserve there; no line kind holds it), not counted under 项目支出; 结转下年资金 has no fact
 * and prints empty. Lines carried over from the prior year are 上年结转; current lines are 当年. 财政拨款 is
 * 一般公共预算 + 政府性基金 + 国有资本经营; 其他资金 is every 单位资金 kind and 其他收入. Pure.
 */
import type { BudgetLineKey } from '../../budget/line';
import { sanGongCodes } from '../../policy/sangong';
import type { ReferenceIndex } from '../../reference/lookup';
import type { FundSource } from '../../reference/types';
import { agencyOperatingLine, agencyOperatingRule } from '../agency-operating';
import type { Cell } from '../amounts';
import type { DisclosureFacts } from '../facts';
import type { GenericTable, RowRole } from '../table';
import { wanCell } from './shanghai-9';

export const JIANGSU_TABLE_IDS = [
  'js01',
  'js02',
  'js03',
  'js04',
  'js05',
  'js06',
  'js07',
  'js08',
  'js09',
  'js10',
  'js11',
  'js12',
] as const;
export type JiangsuTableId = (typeof JIANGSU_TABLE_IDS)[number];

export interface JiangsuLayout {
  fiscalYear: number;
  unitName: string;
  tables: Record<JiangsuTableId, GenericTable>;
}

type Line = { key: BudgetLineKey; fen: number };
type Pred = (l: BudgetLineKey) => boolean;
type GRow = GenericTable['rows'][number];

const FISCAL: FundSource[] = ['general-public', 'government-fund', 'state-capital'];
const OTHER: FundSource[] = ['unit-funds', 'business-income', 'operating-income', 'other-income'];
/** 会议费 and 培训费 (部门经济分类 款), printed beside the 三公 in table 9. */
const MEETINGS = '30215';
const TRAINING = '30216';

/** The project whose lines 单位预留机动经费 prints (its name; the ledger has no reserve kind). */
export const JIANGSU_RESERVE_PROJECT = '单位预留机动经费';

const all: Pred = () => true;
const and =
  (...ps: Pred[]): Pred =>
  (k) =>
    ps.every((p) => p(k));
const among =
  (sources: FundSource[]): Pred =>
  (k) =>
    sources.includes(k.fundSource);
const current: Pred = (k) => k.origin === 'current';
const basic: Pred = (k) => k.kind !== 'project';

function toFen(amount: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) throw new Error(`not an amount: ${amount}`);
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] === '-' ? -v : v;
}

interface Ctx {
  lines: Line[];
  /** Project codes of the 单位预留机动经费. */
  reserve: Set<string>;
  ref: ReferenceIndex;
  facts: DisclosureFacts;
}
const sum = (ctx: Ctx, p: Pred) => ctx.lines.reduce((s, l) => (p(l.key) ? s + l.fen : s), 0);
const cell = (ctx: Ctx, p: Pred): Cell => wanCell(sum(ctx, p));
const isReserve =
  (ctx: Ctx): Pred =>
  (k) =>
    k.projectCode !== null && ctx.reserve.has(k.projectCode);
const isProject =
  (ctx: Ctx): Pred =>
  (k) =>
    k.kind === 'project' && !isReserve(ctx)(k);
/** 单位预留机动经费 of the lines `p`: empty when there is none. */
const reserveCell = (ctx: Ctx, p: Pred): Cell =>
  sum(ctx, and(p, isReserve(ctx))) === 0 ? null : cell(ctx, and(p, isReserve(ctx)));

const item = (key: string, label: string, value: Cell, role: RowRole = 'item'): GRow => ({
  role,
  code: null,
  key,
  cells: [label, value],
});

function table(id: JiangsuTableId, title: string, rows: GRow[]): GenericTable {
  return {
    id,
    title,
    moneyUnit: '万元',
    columns: [['项目', '金额']],
    keys: ['item', 'amount'],
    kinds: ['text', 'amount'],
    rows,
    note: null,
  };
}

/** The codes of `p`'s lines at each level (3/5/7 functional; 3/5 economic), in code order. */
function codedRows(
  ctx: Ctx,
  p: Pred,
  codeOf: (k: BudgetLineKey) => string,
  levels: number[],
  list: 'functional' | 'departmentEconomic',
  role: (code: string) => RowRole,
): GRow[] {
  const codes = new Set<string>();
  for (const l of ctx.lines)
    if (p(l.key) && l.fen !== 0) for (const n of levels) codes.add(codeOf(l.key).slice(0, n));
  const rows = [...codes]
    .filter(
      (c) =>
        sum(
          ctx,
          and(p, (k) => codeOf(k).startsWith(c)),
        ) !== 0,
    )
    .sort()
    .map((c) => ({
      role: role(c),
      code: c,
      key: list === 'departmentEconomic' && c.length === 5 ? c : null,
      cells: [
        ctx.ref.name(list, c) ?? null,
        cell(
          ctx,
          and(p, (k) => codeOf(k).startsWith(c)),
        ),
      ],
    }));
  return [item('total', '合计', cell(ctx, p), 'total'), ...rows];
}

const functional = (ctx: Ctx, p: Pred) =>
  codedRows(
    ctx,
    p,
    (k) => k.functionalCode,
    [3, 5, 7],
    'functional',
    () => 'class',
  );
const economic = (ctx: Ctx, p: Pred) =>
  codedRows(
    ctx,
    p,
    (k) => k.deptEconCode,
    [3, 5],
    'departmentEconomic',
    (c) => (c.length === 3 ? 'group' : 'item'),
  );

function summary(ctx: Ctx): GRow[] {
  const now = current;
  const classes = new Set(
    ctx.lines.filter((l) => now(l.key) && l.fen !== 0).map((l) => l.key.functionalCode.slice(0, 3)),
  );
  return [
    item('revenue.fiscal', '一、财政拨款', cell(ctx, and(now, among(FISCAL)))),
    item(
      'revenue.general-public',
      '1.一般公共预算',
      cell(ctx, and(now, among(['general-public']))),
    ),
    item(
      'revenue.government-fund',
      '2.政府性基金预算',
      cell(ctx, and(now, among(['government-fund']))),
    ),
    item(
      'revenue.special-account',
      '二、财政专户管理资金',
      cell(ctx, and(now, among(['special-account']))),
    ),
    item('revenue.other', '三、其他资金', cell(ctx, and(now, among(OTHER)))),
    ...[...classes].sort().map((c) => {
      const name = ctx.ref.name('functional', c) ?? c;
      return {
        role: 'class' as RowRole,
        code: null,
        key: `class:${name}`,
        cells: [
          name,
          cell(
            ctx,
            and(now, (k) => k.functionalCode.startsWith(c)),
          ),
        ] as Cell[],
      };
    }),
    item('purpose.basic', '一、基本支出', cell(ctx, and(now, basic))),
    item('purpose.project', '二、项目支出', cell(ctx, and(now, isProject(ctx)))),
    item('purpose.reserve', '三、单位预留机动经费', reserveCell(ctx, now)),
    item('revenue.currentYear', '当年收入小计', cell(ctx, now), 'total'),
    item('spending.currentYear', '当年支出小计', cell(ctx, now), 'total'),
    item(
      'revenue.carriedOver',
      '上年结转资金',
      cell(ctx, (k) => !now(k)),
    ),
    item('spending.carryForward', '结转下年资金', null),
    item('revenue.total', '收入合计', cell(ctx, all), 'total'),
    item('spending.total', '支出合计', cell(ctx, all), 'total'),
  ];
}

function revenue(ctx: Ctx): GRow[] {
  const src = (s: FundSource[]) => and(current, among(s));
  return [
    item('total', '收入总计', cell(ctx, all), 'total'),
    item('subtotal:general-public', '小计', cell(ctx, src(['general-public'])), 'group'),
    item(
      'general-public:公共财政拨款(补助)资金',
      '公共财政拨款(补助)资金',
      cell(ctx, src(['general-public'])),
    ),
    item('subtotal:government-fund', '小计', cell(ctx, src(['government-fund'])), 'group'),
    item('subtotal:special-account', '小计', cell(ctx, src(['special-account'])), 'group'),
    item('special-account:其他非税收入', '其他非税收入', cell(ctx, src(['special-account']))),
    item('subtotal:other', '小计', cell(ctx, src(OTHER)), 'group'),
    item('other:事业收入', '事业收入', cell(ctx, src(['business-income']))),
    item('other:经营收入', '经营收入', cell(ctx, src(['operating-income']))),
    item('other:其他收入', '其他收入', cell(ctx, src(['other-income', 'unit-funds']))),
    item(
      'subtotal:carryover',
      '小计',
      cell(ctx, (k) => !current(k)),
      'group',
    ),
  ];
}

function fiscalSummary(ctx: Ctx): GRow[] {
  const fiscal = among(FISCAL);
  return [
    item('revenue.general-public', '一、一般公共预算', cell(ctx, among(['general-public']))),
    item('revenue.government-fund', '二、政府性基金预算', cell(ctx, among(['government-fund']))),
    item('purpose.basic', '一、基本支出', cell(ctx, and(fiscal, basic))),
    item('purpose.project', '二、项目支出', cell(ctx, and(fiscal, isProject(ctx)))),
    item('purpose.reserve', '三、单位预留机动经费', reserveCell(ctx, fiscal)),
    item('revenue.total', '收入合计', cell(ctx, fiscal), 'total'),
    item('spending.total', '支出合计', cell(ctx, fiscal), 'total'),
  ];
}

function singleRow(
  id: JiangsuTableId,
  title: string,
  columns: { key: string; title: string; value: Cell }[],
): GenericTable {
  return {
    id,
    title,
    moneyUnit: '万元',
    columns: [columns.map((c) => c.title)],
    keys: columns.map((c) => c.key),
    kinds: columns.map(() => 'amount' as const),
    rows: [{ role: 'total', code: null, key: 'total', cells: columns.map((c) => c.value) }],
    note: null,
  };
}

function sanGong(ctx: Ctx): GenericTable {
  const policy = ctx.ref.data.policy.sanGong;
  const by = (codes: string[]) =>
    sum(
      ctx,
      and(among(FISCAL), (k) => codes.includes(k.deptEconCode)),
    );
  const travel = by(sanGongCodes(policy, ['overseasTravel']));
  const reception = by(sanGongCodes(policy, ['officialReception']));
  const purchase = by(sanGongCodes(policy, ['vehiclePurchase']));
  const operation = by(sanGongCodes(policy, ['vehicleOperation']));
  const meetings = by([MEETINGS]);
  const training = by([TRAINING]);
  const three = travel + reception + purchase + operation;
  return singleRow('js09', `${ctx.facts.fiscalYear}年“三公”经费、会议费、培训费支出预算表`, [
    { key: 'total', title: '合计', value: wanCell(three + meetings + training) },
    { key: 'sanGong.total', title: '“三公”经费/小计', value: wanCell(three) },
    { key: 'sanGong.overseasTravel', title: '因公出国(境)费', value: wanCell(travel) },
    {
      key: 'sanGong.vehicles',
      title: '公务用车购置及运行维护费/小计',
      value: wanCell(purchase + operation),
    },
    { key: 'sanGong.vehiclePurchase', title: '公务用车购置费', value: wanCell(purchase) },
    { key: 'sanGong.vehicleOperation', title: '公务用车运行维护费', value: wanCell(operation) },
    { key: 'sanGong.officialReception', title: '公务接待费', value: wanCell(reception) },
    { key: 'meetings', title: '会议费', value: wanCell(meetings) },
    { key: 'training', title: '培训费', value: wanCell(training) },
  ]);
}

/** 一般公共预算机关运行经费: what the year's rule counts (agency-operating.ts), of 一般公共预算. */
function agency(ctx: Ctx): GRow[] {
  const counted = agencyOperatingLine(agencyOperatingRule(ctx.ref), ctx.facts.units);
  return economic(ctx, (k) => k.fundSource === 'general-public' && counted(k));
}

function procurement(ctx: Ctx): GRow[] {
  const p = ctx.facts.procurement;
  const wan = (v: string | undefined) => (v === undefined ? null : wanCell(toFen(v)));
  return [
    item('total', '合计', wan(p?.total), 'total'),
    item('货物', '一、货物A', wan(p?.goods), 'class'),
    item('工程', '二、工程B', wan(p?.works), 'class'),
    item('服务', '三、服务C', wan(p?.services), 'class'),
  ];
}

/**
 * A table as the document prints it, for a reader: a coded table (功能/经济分类) gets its 科目编码
 * column first (the normalised form keeps the code on the row only, as the parser reads it).
 * `coded`: the table is one of the coded ones even when it has no coded row (an empty table).
 */
export function withCodeColumn(t: GenericTable, coded = false): GenericTable {
  if (!coded && !t.rows.some((r) => r.code !== null)) return t;
  return {
    ...t,
    columns: t.columns.map((row, i) => [i === 0 ? '科目编码' : '', ...row]),
    keys: ['code', ...t.keys],
    kinds: ['text', ...t.kinds],
    rows: t.rows.map((r) => ({ ...r, cells: [r.code, ...r.cells] })),
  };
}

/** The 12 tables of the Jiangsu layout, in the order the 2018–2019 documents print them. */
export function renderJiangsu12(facts: DisclosureFacts, reference: ReferenceIndex): JiangsuLayout {
  const ctx: Ctx = {
    facts,
    ref: reference,
    reserve: new Set(
      facts.projects.filter((p) => p.name === JIANGSU_RESERVE_PROJECT).map((p) => p.code),
    ),
    lines: facts.lines.map((l) => ({ key: l.line, fen: toFen(l.amount) })),
  };
  const y = facts.fiscalYear;
  const fiscal = among(FISCAL);
  const gp = among(['general-public']);
  const t3 = (key: string, title: string, p: Pred | null) => ({
    key,
    title,
    value: p === null ? null : cell(ctx, p),
  });
  const tables: Record<JiangsuTableId, GenericTable> = {
    js01: table('js01', `${y}年收支预算总表`, summary(ctx)),
    js02: table('js02', `${y}年收入预算总表`, revenue(ctx)),
    js03: singleRow('js03', `${y}年支出预算总表`, [
      t3('total', '合计', all),
      t3('basic', '基本支出', and(current, basic)),
      t3('project', '项目支出', and(current, isProject(ctx))),
      { key: 'reserve', title: '单位预留机动经费', value: reserveCell(ctx, current) },
      t3('carryForward', '结转下年资金', null),
    ]),
    js04: table('js04', `${y}年财政拨款收支预算总表`, fiscalSummary(ctx)),
    js05: table('js05', `${y}年财政拨款支出预算表`, functional(ctx, fiscal)),
    js06: table('js06', `${y}年财政拨款基本支出预算表`, economic(ctx, and(fiscal, basic))),
    js07: table('js07', `${y}年一般公共预算支出预算表`, functional(ctx, gp)),
    js08: table('js08', `${y}年一般公共预算基本支出预算表`, economic(ctx, and(gp, basic))),
    js09: sanGong(ctx),
    js10: table(
      'js10',
      `${y}年财政拨款政府性基金支出预算表`,
      functional(ctx, among(['government-fund'])),
    ),
    js11: table('js11', `${y}年一般公共预算机关运行经费支出预算表`, agency(ctx)),
    js12: table('js12', `${y}年政府采购预算表`, procurement(ctx)),
  };
  return { fiscalYear: y, unitName: facts.units[0]?.name ?? facts.department.name, tables };
}
