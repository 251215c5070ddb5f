/**
 * Explanation sections 一 to 六 (totals, revenue, expenditure, 财政拨款, 一般公共预算, 基本支出):
 * figures from exact sums, and the text in the seed's wording.
 */
import * as Money from '../money';
import type { RevenueSource } from '../reference/types';
import {
  basic,
  carriedOver,
  current,
  figure,
  functionalUnder,
  project,
  source,
  sumLines,
  type LinePredicate,
} from './amounts';
import type { BuildContext } from './context';
import {
  changeOf,
  changePhrase,
  shareItem,
  withSeparators as sep,
  type ChangeFigure,
  type ShareItem,
} from './figures';
import { fiscalSources } from './tables-summary';

const SOURCE_WORDING: Record<RevenueSource, string> = {
  'general-public': '一般公共预算拨款收入',
  'government-fund': '政府性基金预算拨款收入',
  'state-capital': '国有资本经营预算拨款收入',
  'special-account': '财政专户管理资金收入',
  'unit-funds': '单位资金',
};

export interface Prose {
  year: string;
  name: string;
  unitLabel: string;
}

export const proseOf = (ctx: BuildContext): Prose => ({
  year: String(ctx.facts.fiscalYear),
  name: ctx.facts.department.name,
  unitLabel: ctx.unit === 'wan-yuan' ? '万元' : '元',
});

const sum = (ctx: BuildContext, ...p: LinePredicate[]): string => sumLines(ctx.facts.lines, ...p);
const fig = (ctx: BuildContext, ...p: LinePredicate[]): string => figure(sum(ctx, ...p), ctx.unit);

export interface ChangesSection {
  total: string;
  currentYear: string;
  carriedOver: string;
  change: ChangeFigure | null;
  reason: string | null;
  text: string;
}

/** 一、单位预算收支数据变动情况及原因: revenue and expenditure are the same totals in a budget. */
export function changesSection(ctx: BuildContext, p: Prose): ChangesSection {
  const f = { total: fig(ctx), currentYear: fig(ctx, current), carriedOver: fig(ctx, carriedOver) };
  const change = changeOf(sum(ctx), ctx.facts.priorYear?.total, ctx.unit);
  const reason = ctx.options.notes?.changeReason ?? null;
  const tail = [
    change ? changePhrase(change, '上年', p.unitLabel) : null,
    reason ? `主要原因是${reason}` : null,
  ]
    .filter(Boolean)
    .map((s) => `，${s}`)
    .join('');
  const u = p.unitLabel;
  const text =
    `${p.year}年度${p.name}预算收入总计${sep(f.total)}${u}，其中：本年收入${sep(f.currentYear)}${u}，上年结转${sep(f.carriedOver)}${u}${tail}；` +
    `本年单位预算支出总计${sep(f.total)}${u}，其中：本年预算安排${sep(f.currentYear)}${u}，上年结转${sep(f.carriedOver)}${u}${tail}。`;
  return { ...f, change, reason, text };
}

export interface RevenueSection {
  total: string;
  items: ShareItem[];
  text: string;
}

/** 二、收入预算情况说明: this year's revenue by source, then 上年结转, as shares of the total. */
export function revenueSection(ctx: BuildContext, p: Prose): RevenueSection {
  const whole = sum(ctx);
  const sources = ctx.reference.data.fundSources.map((f) => f.id as RevenueSource);
  const items = sources.map((s) =>
    shareItem(SOURCE_WORDING[s] ?? s, sum(ctx, source(s), current), whole, ctx.unit),
  );
  items.push(shareItem('上年结转', sum(ctx, carriedOver), whole, ctx.unit));
  const list = items
    .map((i) => `${i.item}${sep(i.amount)}${p.unitLabel}，占${i.sharePercent ?? '0'}%`)
    .join('；');
  return {
    total: figure(whole, ctx.unit),
    items,
    text: `${p.year}年度${p.name}预算收入${sep(figure(whole, ctx.unit))}${p.unitLabel}，主要包括${list}。`,
  };
}

export interface ExpenditureSection {
  total: string;
  basic: ShareItem;
  project: ShareItem;
  text: string;
}

/** 三、支出预算情况说明: basic and project spending as shares of the total. */
export function expenditureSection(ctx: BuildContext, p: Prose): ExpenditureSection {
  const whole = sum(ctx);
  const b = shareItem('基本支出', sum(ctx, basic), whole, ctx.unit);
  const pr = shareItem('项目支出', sum(ctx, project), whole, ctx.unit);
  const u = p.unitLabel;
  const text = `${p.year}年度${p.name}支出预算${sep(figure(whole, ctx.unit))}${u}，其中：基本支出${sep(b.amount)}${u}，占${b.sharePercent ?? '0'}%；项目支出${sep(pr.amount)}${u}，占${pr.sharePercent ?? '0'}%。`;
  return { total: figure(whole, ctx.unit), basic: b, project: pr, text };
}

/** The 类 with money in scope, in table-1 order, as (name, exact yuan). */
export function categoriesWithMoney(
  ctx: BuildContext,
  ...scope: LinePredicate[]
): { name: string; yuan: string }[] {
  return ctx.reference
    .functionalCategories()
    .map((c) => ({ name: c.name, yuan: sum(ctx, ...scope, functionalUnder(c.code)) }))
    .filter((c) => !Money.isZero(c.yuan));
}

export interface FiscalSection {
  total: string;
  bySource: { source: RevenueSource; amount: string }[];
  currentYear: string;
  carriedOver: string;
  expenditureItems: { item: string; amount: string }[];
  text: string;
}

const FISCAL_SOURCE_WORDING: Partial<Record<RevenueSource, string>> = {
  'general-public': '一般公共预算拨款',
  'government-fund': '政府性基金预算拨款',
  'state-capital': '国有资本经营预算拨款',
};

/** 四、财政拨款收支预算总体情况说明. */
export function fiscalSection(ctx: BuildContext, p: Prose): FiscalSection {
  const fiscal = source(...fiscalSources(ctx));
  const bySource = fiscalSources(ctx).map((s) => ({ source: s, amount: fig(ctx, source(s)) }));
  const expenditureItems = categoriesWithMoney(ctx, fiscal).map((c) => ({
    item: c.name,
    amount: figure(c.yuan, ctx.unit),
  }));
  const u = p.unitLabel;
  const f = {
    total: fig(ctx, fiscal),
    currentYear: fig(ctx, fiscal, current),
    carriedOver: fig(ctx, fiscal, carriedOver),
  };
  const sources = bySource
    .map((s) => `${FISCAL_SOURCE_WORDING[s.source] ?? s.source}${sep(s.amount)}${u}`)
    .join('，');
  const spending = expenditureItems.map((i) => `${i.item}${sep(i.amount)}${u}`).join('、');
  const text =
    `${p.year}年度${p.name}财政拨款收支总预算${sep(f.total)}${u}。其中：${sources}。其中：当年拨款收入${sep(f.currentYear)}${u}，上年结转收入${sep(f.carriedOver)}${u}。` +
    (spending ? `支出包括：${spending}等。` : '');
  return { ...f, bySource, expenditureItems, text };
}
