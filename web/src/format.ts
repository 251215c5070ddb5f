/**
 * The workbench's own logic, pure (no DOM, no React) so unit tests run it directly: how amounts
 * are shown and typed, how lines are named and searched, and what an API error says in Chinese.
 * The budget rules are not here: the server's dry run (previewAdjustment) decides those.
 */

/** 1234567.8 → 1,234,567.8 (the amount's own digits; never through a JS number). */
export function sep(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const negative = amount.startsWith('-');
  const [whole, fraction] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export const ROLE_NAMES: Record<string, string> = {
  ADMIN: '财政局管理员',
  BUDGET_OFFICER: '预算编制人员',
  FINANCE_REVIEWER: '财政审核人员',
  AUDITOR: '审计人员',
  PUBLIC: '公众',
};

export const ADJUSTMENT_TYPES = [
  { value: 'TRANSFER', label: '调剂' },
  { value: 'INCREASE', label: '追加' },
  { value: 'DECREASE', label: '追减' },
] as const;
export type AdjustmentTypeValue = (typeof ADJUSTMENT_TYPES)[number]['value'];

export const STATUS_NAMES: Record<string, string> = {
  SUBMITTED: '待审核',
  APPROVED: '已批准',
  REJECTED: '已退回',
};

export const KIND_NAMES: Record<string, string> = {
  personnel: '人员经费',
  public: '公用经费',
  project: '项目支出',
};

/** What is wrong with an amount as typed (元, > 0, at most 2 decimals), or null. */
export function amountProblem(text: string): string | null {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return '请输入金额';
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return '金额须为元，最多两位小数';
  if (/^0+(\.0+)?$/.test(t)) return '金额须大于零';
  return null;
}

/** The signed yuan delta of an entry: the amount typed, negative when the entry lowers a line. */
export function signedDelta(direction: 'up' | 'down', amount: string): string {
  const t = amount.trim().replace(/,/g, '');
  return direction === 'down' ? `-${t}` : t;
}

/** The direction an adjustment type allows each entry (调剂: either, chosen per entry). */
export function directionsOf(type: AdjustmentTypeValue): ('up' | 'down')[] {
  return type === 'INCREASE' ? ['up'] : type === 'DECREASE' ? ['down'] : ['down', 'up'];
}

/** A line as the read API gives it (budgetLines), without its id: people name lines by codes. */
export interface LineView {
  functionalCode: string;
  functionalName: string | null;
  deptEconCode: string;
  deptEconName: string | null;
  govEconCode: string;
  govEconName: string | null;
  fundSource: string;
  fundSourceName: string | null;
  kind: string;
  projectCode: string | null;
  projectName: string | null;
  amount?: string;
}

/** The year's code lists (classifications) and the unit-year's projects, for naming lines. */
export interface CodeLists {
  functional: { code: string; name: string; depth: number }[];
  deptEcon: { code: string; name: string; depth: number }[];
  govEcon: { code: string; name: string; depth: number }[];
  sources: { code: string; name: string; depth: number }[];
  projects: { code: string; name: string }[];
}

type Coded = Pick<
  LineView,
  'functionalCode' | 'deptEconCode' | 'govEconCode' | 'fundSource' | 'kind' | 'projectCode'
>;

/** Lines read by their codes, named from the code lists (a code not in them keeps no name). */
export function withNames<T extends Coded>(
  lines: readonly T[],
  codes: CodeLists,
): (T & LineView)[] {
  const index = (list: { code: string; name: string }[]) =>
    new Map(list.map((c) => [c.code, c.name]));
  const [fn, de, ge, src, prj] = [
    index(codes.functional),
    index(codes.deptEcon),
    index(codes.govEcon),
    index(codes.sources),
    index(codes.projects),
  ];
  return lines.map((l) => ({
    ...l,
    functionalName: fn.get(l.functionalCode) ?? null,
    deptEconName: de.get(l.deptEconCode) ?? null,
    govEconName: ge.get(l.govEconCode) ?? null,
    fundSourceName: src.get(l.fundSource) ?? null,
    projectName: l.projectCode ? (prj.get(l.projectCode) ?? null) : null,
  }));
}

/** "2010301 行政运行 · 30201 办公费 · 一般公共预算 · 公用经费" (and the project, if any). */
export function lineLabel(l: LineView): string {
  return [
    `${l.functionalCode} ${l.functionalName ?? ''}`.trim(),
    `${l.deptEconCode} ${l.deptEconName ?? ''}`.trim(),
    l.fundSourceName ?? l.fundSource,
    l.projectCode
      ? `${l.projectCode} ${l.projectName ?? ''}`.trim()
      : (KIND_NAMES[l.kind] ?? l.kind),
  ].join(' · ');
}

/** Every word of the query is in the line's codes or names (so "办公 2010301" finds it). */
export function matchesLine(l: LineView, query: string): boolean {
  const hay = [
    l.functionalCode,
    l.functionalName,
    l.deptEconCode,
    l.deptEconName,
    l.govEconCode,
    l.govEconName,
    l.fundSource,
    l.fundSourceName,
    l.projectCode,
    l.projectName,
    KIND_NAMES[l.kind],
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** The key a line is named by in a mutation (never its id: the classifications say which line). */
export function lineKeyOf(l: LineView): Record<string, string | null> {
  return {
    fundSource: l.fundSource,
    functionalCode: l.functionalCode,
    kind: l.kind,
    deptEconCode: l.deptEconCode,
    govEconCode: l.govEconCode,
    projectCode: l.projectCode,
  };
}

const CODE_TEXT: Record<string, string> = {
  UNAUTHENTICATED: '令牌无效或已吊销，请重新登录',
  FORBIDDEN: '当前身份无权进行此操作',
  NOT_FOUND: '没有找到',
  CONCURRENCY_CONFLICT: '数据已被他人更新',
  POLICY_VIOLATION: '不符合预算规则',
  BAD_USER_INPUT: '输入有误',
  IDEMPOTENCY_MISMATCH: '重复提交的内容不一致',
  NETWORK: '无法连接服务，请稍后重试',
};

/**
 * An API error in Chinese: a rule's own Chinese title when the message starts with one (the
 * domain writes "<title>: <detail>"), else what the code means.
 */
export function errorText(code: string, message: string): string {
  const title = message.split(/[:：]/)[0]!.trim();
  if (/[\u4e00-\u9fff]/.test(title)) return title;
  return CODE_TEXT[code] ?? '服务出错，请稍后重试';
}

/** Items grouped by a key, groups in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    out.set(k, [...(out.get(k) ?? []), i]);
  }
  return [...out.entries()];
}

/** t05 → 表五 (the disclosure numbers its tables in Chinese). */
export function tableNo(id: string): string {
  const n = Number(id.slice(1));
  const digits = '零一二三四五六七八九';
  return `表${n < 10 ? digits[n] : n === 10 ? '十' : `十${digits[n - 10]}`}`;
}

/**
 * Every event type the API's event log and provenance can name, in the words finance staff use
 * (src/domain/budget/events.ts, src/domain/unit, src/domain/reference). A type not here (a newer
 * server) shows as sent rather than as nothing.
 */
export const EVENT_TYPE_NAMES: Record<string, string> = {
  BudgetUnitRegistered: '单位登记',
  ReferenceCodesAdopted: '代码采用',
  FiscalYearOpened: '年度开启',
  ProjectRegistered: '项目登记',
  InitialBudgetAllocated: '年初预算下达',
  CarryOverRecorded: '上年结转',
  AdjustmentSubmitted: '调整申请',
  AdjustmentApproved: '调整批准',
  AdjustmentRejected: '调整驳回',
  PerformanceTargetsSet: '绩效目标设定',
  PerformanceTargetsRevised: '绩效目标修订',
  PerformanceTargetsWithdrawn: '绩效目标撤回',
  ProcurementBudgetRecorded: '政府采购预算',
  StateAssetsRecorded: '国有资产',
  DisclosurePublished: '预算公开',
  FiscalYearClosed: '年度关闭',
};

export const eventTypeName = (type: string): string => EVENT_TYPE_NAMES[type] ?? type;

/**
 * The person in an event's actor: the server records "<role>:<token label>" (budget_officer:张科员,
 * reviewer:汾阳市财政局); people are named, roles are shown elsewhere in Chinese.
 */
export function actorName(actor: string | null | undefined): string {
  if (!actor) return '';
  if (actor === 'public') return ROLE_NAMES.PUBLIC!;
  return actor.replace(/^[a-z_]+:/, '');
}

/** An ISO instant as Beijing time (UTC+8, no daylight saving): "2026-12-04 02:35:13". */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The parts of a line of text that are there, joined by " · " (no "· ·" for a missing one). */
export const joinPresent = (parts: readonly (string | null | undefined)[]): string =>
  parts.filter((p) => p !== null && p !== undefined && p.trim() !== '').join(' · ');

/** What is wrong with a ledger position as typed (an integer ≥ 0), or null. */
export function positionProblem(text: string): string | null {
  return /^\d+$/.test(text.trim()) ? null : '账本位置须为非负整数';
}

/** Who took a step of an adjustment: the name in its actor, else the person id recorded. */
export const stepBy = (h: { actor?: string | null; by: string }): string =>
  actorName(h.actor) || h.by;

/** A rule's title with the line's balance when it is known ("预算行余额不得为负（当前余额 1,000 元）"). */
export const withBalance = (title: string, balance: unknown): string =>
  typeof balance === 'string' && balance !== '' ? `${title}（当前余额 ${sep(balance)} 元）` : title;
