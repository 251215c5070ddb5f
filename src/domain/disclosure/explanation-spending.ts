/**
 * Explanation sections 五 (一般公共预算), 六 (基本支出), 七 (三公经费) and 八 (机关运行经费).
 */
import * as Money from '../money';
import { current, figure, source, sumLines, type LinePredicate } from './amounts';
import type { BuildContext } from './context';
import { categoriesWithMoney, type Prose } from './explanation-budget';
import {
  changeOf,
  changePhrase,
  shareItem,
  withSeparators as sep,
  type ChangeFigure,
  type ShareItem,
} from './figures';
import { sanGongCodes, type SanGongItem } from '../policy/sangong';
import { agencyOperatingScope } from './tables-special';
import { fiscalSources } from './tables-summary';
import type { AgencyOperatingRule } from './facts';

const sum = (ctx: BuildContext, ...p: LinePredicate[]): string => sumLines(ctx.facts.lines, ...p);
const gpCurrent: LinePredicate = (l) => source('general-public')(l) && current(l);

export interface GeneralPublicSection {
  currentYearExpenditure: string;
  /** Against the prior year's total (the comparatives carry one total). */
  change: ChangeFigure | null;
  items: ShareItem[];
  scaleText: string;
  structureText: string;
}

/** 五、一般公共预算支出情况说明: (一) scale and change, (二) structure by 类. */
export function generalPublicSection(ctx: BuildContext, p: Prose): GeneralPublicSection {
  const whole = sum(ctx, gpCurrent);
  const amount = figure(whole, ctx.unit);
  const change = changeOf(whole, ctx.facts.priorYear?.total, ctx.unit);
  const items = categoriesWithMoney(ctx, gpCurrent).map((c) =>
    shareItem(c.name, c.yuan, whole, ctx.unit),
  );
  const head = `${p.year}年度${p.name}一般公共预算当年支出${sep(amount)}${p.unitLabel}`;
  const list = items
    .map((i) => `${i.item}${sep(i.amount)}${p.unitLabel}，占${i.sharePercent ?? '0'}%`)
    .join('；');
  return {
    currentYearExpenditure: amount,
    change,
    items,
    scaleText: `${head}${change ? `，${changePhrase(change, '上年', p.unitLabel)}` : ''}。`,
    structureText: items.length ? `${head}，主要用于以下方面：${list}等。` : `${head}。`,
  };
}

export interface BasicSection {
  total: string;
  personnel: { amount: string; items: string[] };
  public: { amount: string; items: string[] };
  text: string;
}

/** The department 款 names of the general-public basic lines of one kind, in code order. */
function economicNames(ctx: BuildContext, kind: 'personnel' | 'public'): string[] {
  const codes = new Set(
    ctx.facts.lines
      .filter((l) => gpCurrent(l.line) && l.line.kind === kind && !Money.isZero(l.amount))
      .map((l) => l.line.deptEconCode),
  );
  return [...codes].sort().map((c) => ctx.reference.name('departmentEconomic', c) ?? c);
}

/** 六、一般公共预算基本支出情况说明: 人员经费 and 公用经费 with what they consist of. */
export function basicSection(ctx: BuildContext, p: Prose): BasicSection {
  const part = (kind: 'personnel' | 'public'): { amount: string; items: string[] } => ({
    amount: figure(
      sum(ctx, gpCurrent, (l) => l.kind === kind),
      ctx.unit,
    ),
    items: economicNames(ctx, kind),
  });
  const total = figure(
    sum(ctx, gpCurrent, (l) => l.kind !== 'project'),
    ctx.unit,
  );
  const personnel = part('personnel');
  const pub = part('public');
  const u = p.unitLabel;
  const listed = (x: { items: string[] }): string =>
    x.items.length ? `，主要包括：${x.items.join('、')}等` : '';
  const text = `${p.year}年度${p.name}一般公共预算安排基本支出${sep(total)}${u}，其中：人员经费${sep(personnel.amount)}${u}${listed(personnel)}；公用经费${sep(pub.amount)}${u}${listed(pub)}。`;
  return { total, personnel, public: pub, text };
}

export interface SanGongSection {
  total: string;
  change: ChangeFigure | null;
  items: { key: string; item: string; amount: string; change: ChangeFigure | null }[];
  text: string;
}

/** The explanation lists the four 三公 items in this order (as the seed does), by their names. */
const SANGONG_ORDER: readonly SanGongItem[] = [
  'overseasTravel',
  'officialReception',
  'vehicleOperation',
  'vehiclePurchase',
];

/** 七、“三公”经费增减变动原因说明. */
export function sanGongSection(ctx: BuildContext, p: Prose): SanGongSection {
  const fiscal = source(...fiscalSources(ctx));
  const sanGong = ctx.reference.data.policy.sanGong;
  const yuanOf = (key: SanGongItem): string => {
    const codes = sanGongCodes(sanGong, [key]);
    return sum(ctx, fiscal, (l) => codes.includes(l.deptEconCode));
  };
  const prior = ctx.facts.priorYear;
  const items = SANGONG_ORDER.map((key) => ({
    key,
    item: sanGong.items[key].name,
    amount: figure(yuanOf(key), ctx.unit),
    change: changeOf(yuanOf(key), prior?.sanGong[key], ctx.unit),
  }));
  const totalYuan = Money.sum(SANGONG_ORDER.map(yuanOf));
  const priorTotal = prior ? Money.sum(SANGONG_ORDER.map((key) => prior.sanGong[key])) : null;
  const change = changeOf(totalYuan, priorTotal, ctx.unit);
  const u = p.unitLabel;
  const py = prior ? `${prior.fiscalYear}年` : '';
  const head = change
    ? change.direction === 'flat'
      ? `与${py}预算数相同`
      : `，${changePhrase(change, `${py}预算`, u)}`
    : '';
  const parts = items.map(
    (i) =>
      `${i.item}${sep(i.amount)}${u}${i.change ? `，${changePhrase(i.change, '上年预算', u, '与上年预算数相同')}` : ''}`,
  );
  const text = `${p.year}年${p.name}财政拨款安排的“三公”经费预算${sep(figure(totalYuan, ctx.unit))}${u}${head}。其中：${parts.join('；')}。`;
  return { total: figure(totalYuan, ctx.unit), change, items, text };
}

export interface AgencyOperatingSection {
  amount: string;
  change: ChangeFigure | null;
  rule: AgencyOperatingRule;
  reason: string | null;
  text: string;
}

/** 八、机关运行经费增减变动原因说明: the table-11 figure against the prior year's. */
export function agencyOperatingSection(ctx: BuildContext, p: Prose): AgencyOperatingSection {
  const yuan = sum(ctx, source(...ctx.agencyOperating.fundSources), agencyOperatingScope(ctx));
  const prior = ctx.facts.priorYear;
  const change = changeOf(yuan, prior?.agencyOperatingExpenses, ctx.unit);
  const reason = ctx.options.notes?.agencyOperatingReason ?? null;
  const against = prior ? `${prior.fiscalYear}年预算` : '';
  const parts = [
    `本单位机关运行经费财政拨款预算${sep(figure(yuan, ctx.unit))}${p.unitLabel}`,
    change ? changePhrase(change, against, p.unitLabel) : null,
    reason ? `原因是${reason}` : null,
  ];
  return {
    amount: figure(yuan, ctx.unit),
    change,
    rule: ctx.agencyOperating,
    reason,
    text: `${parts.filter(Boolean).join('，')}。`,
  };
}
