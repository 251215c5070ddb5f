/**
 * Explanation sections 九 (政府采购), 十 (绩效管理: counts and amounts) and 十一 (国有资产).
 */
import * as Money from '../money';
import type { ProjectCategory, StateAssets } from '../budget/events';
import { figure, sumLines } from './amounts';
import type { BuildContext } from './context';
import type { Prose } from './explanation-budget';
import { printed, shownPercent, withSeparators as sep } from './figures';

export interface ProcurementSection {
  total: string;
  goods: string;
  works: string;
  services: string;
  text: string;
}

/** 九、政府采购情况; null when no procurement budget is recorded. */
export function procurementSection(ctx: BuildContext, p: Prose): ProcurementSection | null {
  const pr = ctx.facts.procurement;
  if (!pr) return null;
  const f = {
    total: figure(pr.total, ctx.unit),
    goods: figure(pr.goods, ctx.unit),
    works: figure(pr.works, ctx.unit),
    services: figure(pr.services, ctx.unit),
  };
  const u = p.unitLabel;
  const text = `${p.year}年${p.name}政府采购预算总额${sep(f.total)}${u}。其中：政府采购货物预算${sep(f.goods)}${u}、政府采购工程预算${sep(f.works)}${u}、政府采购服务预算${sep(f.services)}${u}。`;
  return { ...f, text };
}

export interface ProjectCount {
  count: number;
  amount: string;
  otherOperating: { count: number; amount: string };
  specificTarget: { count: number; amount: string };
}

export interface PerformanceSection {
  /** 整体绩效目标: the whole budget, when a whole-unit form exists. */
  overallTarget: { amount: string; text: string } | null;
  managed: ProjectCount;
  published: ProjectCount & { sharePercent: string | null };
  text: string;
}

/** Count and exact money of a set of projects, split by category (其他运转类 / 特定目标类). */
function projectCount(ctx: BuildContext, codes: readonly string[]): ProjectCount {
  const yuan = (cs: readonly string[]): string =>
    sumLines(ctx.facts.lines, (l) => l.projectCode !== null && cs.includes(l.projectCode));
  const of = (category: ProjectCategory): { count: number; amount: string } => {
    const cs = codes.filter(
      (c) => ctx.facts.projects.find((p) => p.code === c)?.category === category,
    );
    return { count: cs.length, amount: figure(yuan(cs), ctx.unit) };
  };
  return {
    count: codes.length,
    amount: figure(yuan(codes), ctx.unit),
    otherOperating: of('other-operating'),
    specificTarget: of('specific-goal'),
  };
}

const breakdown = (c: ProjectCount, word: string, u: string): string =>
  `其中：其他运转类项目${c.otherOperating.count}个，${word}${sep(c.otherOperating.amount)}${u}；特定目标类项目${c.specificTarget.count}个，${word}${sep(c.specificTarget.amount)}${u}。`;

/** 十、绩效管理情况: projects with money are under 绩效目标管理; those with a form are published. */
export function performanceSection(ctx: BuildContext, p: Prose): PerformanceSection {
  const withMoney = ctx.facts.projects
    .map((x) => x.code)
    .filter((c) => !Money.isZero(sumLines(ctx.facts.lines, (l) => l.projectCode === c)));
  const formed = new Set(
    ctx.facts.performanceForms.filter((f) => f.scope === 'project').map((f) => f.projectCode),
  );
  const managed = projectCount(ctx, withMoney);
  const publishedCount = projectCount(
    ctx,
    withMoney.filter((c) => formed.has(c)),
  );
  const projectYuan = sumLines(ctx.facts.lines, (l) => l.kind === 'project');
  const publishedYuan = sumLines(
    ctx.facts.lines,
    (l) => l.projectCode !== null && formed.has(l.projectCode),
  );
  const published = {
    ...publishedCount,
    sharePercent: shownPercent(printed(publishedYuan, ctx.unit), printed(projectYuan, ctx.unit)),
  };
  const u = p.unitLabel;
  const text =
    `${p.year}年${p.name}纳入绩效目标管理的二级项目${managed.count}个，共计金额${sep(managed.amount)}${u}。${breakdown(managed, '涉及金额', u)}` +
    `公开项目绩效目标${published.count}个，涉及项目金额${sep(published.amount)}${u}，占部门（单位）项目支出总额的${published.sharePercent ?? '0'}%。${breakdown(published, '涉及项目金额', u)}`;
  const hasUnitForm = ctx.facts.performanceForms.some((f) => f.scope === 'unit');
  const total = figure(sumLines(ctx.facts.lines), ctx.unit);
  const overallTarget = hasUnitForm
    ? { amount: total, text: `${p.year}年编报单位整体绩效目标，涉及资金${sep(total)}${u}。` }
    : null;
  return { overallTarget, managed, published, text };
}

const VEHICLE_USES: [string, string][] = [
  ['leadership', '领导用车'],
  ['confidentialCommunication', '机要通信用车'],
  ['emergencySupport', '应急保障用车'],
  ['lawEnforcement', '执法执勤用车'],
  ['specialTechnical', '特种专业技术用车'],
  ['institutionBusiness', '事业单位业务用车'],
  ['other', '其他公务用车'],
];

export interface AssetsSection {
  assets: StateAssets;
  vehiclesText: string;
  officeSpaceText: string;
  equipmentText: string;
}

const chineseDate = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** 十一、国有资产占有使用情况; null when no holdings are recorded. */
export function assetsSection(ctx: BuildContext, p: Prose): AssetsSection | null {
  const a = ctx.facts.assets;
  if (!a) return null;
  const at = `截至${chineseDate(a.asOf)}，${p.name}`;
  const uses = VEHICLE_USES.map(([key, word]) => `${word}${a.vehicles.byUse[key] ?? 0}辆`).join(
    '，',
  );
  return {
    assets: a,
    vehiclesText: `${at}共有公务用车编制${a.vehicles.establishment}辆，实有${a.vehicles.actual}辆，其中：${uses}。`,
    officeSpaceText: `${at}使用的办公用房建筑总面积${a.officeSpaceM2}平方米。`,
    equipmentText: `${at}占有使用价值50万元（原值）以上的通用设备${a.equipmentOver500k}台（套）；${p.name}占有使用价值100万元（原值）以上的通用设备${a.equipmentOver1m}台（套）。`,
  };
}
