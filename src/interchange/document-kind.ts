/**
 * What kind of document a disclosure is, before its tables are read: a budget (预算, what this
 * ledger holds) or final accounts (决算, a year's outturn in tables of another meaning — 决算数,
 * completion rates — which no budget rule applies to). Final accounts title themselves so: a cover
 * or heading "部门决算" / "单位决算", and tables named "…决算表" / "…决算总表"; a budget may
 * mention 决算 in its prose (预决算草案, 决算工作报告) but never titles a table so.
 */

export interface FinalAccounts {
  /** As the document names itself: 部门决算 or 单位决算 (决算 when it says neither). */
  kind: string;
  /** 1-based line of the first title that says so. */
  line: number;
}

const TITLE = /决算(总)?表$/;
const BUDGET_TITLE = /预算(总)?表$/;
const COVER = /(部门|单位)决算$/;

/** The final-accounts titles of the text, when its tables are titled as 决算, else null. */
export function finalAccountsOf(text: string): FinalAccounts | null {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+/g, ''));
  const titles = lines.flatMap((l, i) => (TITLE.test(l) ? [i + 1] : []));
  const budgets = lines.filter((l) => BUDGET_TITLE.test(l)).length;
  if (titles.length < 2 || budgets >= titles.length) return null;
  const cover = lines.findIndex((l) => COVER.test(l));
  const named = lines.find((l) => /(部门|单位)决算/.test(l))?.match(/(部门|单位)决算/)?.[0];
  return { kind: named ?? '决算', line: cover >= 0 ? cover + 1 : titles[0]! };
}

/** The one message a refused final-accounts document gets. */
export const finalAccountsMessage = (f: FinalAccounts): string =>
  `the document is a ${f.kind} (final accounts, line ${f.line}), not a budget: this ledger holds budgets (预算); nothing read`;
