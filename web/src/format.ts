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
