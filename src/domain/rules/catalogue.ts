/**
 * Every rule the budget domain enforces, by id. An error always names one of these ids
 * (`details.ruleId`), so a budget officer, an auditor and a GraphQL client all see the same
 * vocabulary. Ledger invariants live here; the per-year policy rules are data
 * (data/reference/<year>/policy.json) and are interpreted by src/domain/policy.
 */
import type { ErrorCode } from '../errors';

export interface RuleInfo {
  readonly code: ErrorCode;
  readonly title: string;
}

export const RULES = {
  'money.format': { code: 'BAD_USER_INPUT', title: '金额须为元，最多两位小数' },
  'money.positive': { code: 'BAD_USER_INPUT', title: '金额须大于零' },
  'money.range': { code: 'BAD_USER_INPUT', title: '金额超出上限（不超过一百万亿元）' },
  'reference.year-unknown': { code: 'BAD_USER_INPUT', title: '该年度没有科目代码表' },
  'code.unknown': { code: 'BAD_USER_INPUT', title: '科目代码在该年度不存在' },
  'code.wrong-level': { code: 'BAD_USER_INPUT', title: '科目代码级次不对' },
  'input.invalid': { code: 'BAD_USER_INPUT', title: '输入不完整或格式不对' },
  'line.unit-or-year-mismatch': { code: 'BAD_USER_INPUT', title: '预算行不属于本单位本年度' },
  'line.project-code': { code: 'BAD_USER_INPUT', title: '项目支出须有项目代码，基本支出不得有' },
  'line.kind-economic': { code: 'BAD_USER_INPUT', title: '人员经费限301/303，公用经费限302/310' },
  'line.origin': { code: 'BAD_USER_INPUT', title: '年初预算为当年预算，结转须为上年结转' },
  'line.duplicate': { code: 'BAD_USER_INPUT', title: '同一预算行在一次操作中只能出现一次' },
  'line.non-negative': { code: 'POLICY_VIOLATION', title: '预算行余额不得为负' },
  'line.range': { code: 'POLICY_VIOLATION', title: '预算行余额不得超过一百万亿元' },
  'adjustment.direction': { code: 'BAD_USER_INPUT', title: '追加只增、追减只减、调剂有增有减' },
  'transfer.balanced': { code: 'POLICY_VIOLATION', title: '调剂须增减相抵' },
  'adjustment.unknown': { code: 'NOT_FOUND', title: '没有这笔预算调整' },
  'adjustment.already-reviewed': { code: 'POLICY_VIOLATION', title: '预算调整只能审批一次' },
  'project.unknown': { code: 'NOT_FOUND', title: '项目未登记' },
  'project.duplicate': { code: 'POLICY_VIOLATION', title: '项目代码已登记' },
  'targets.unknown': { code: 'NOT_FOUND', title: '没有这份绩效目标' },
  'targets.already-set': { code: 'POLICY_VIOLATION', title: '绩效目标已设定，请修订' },
  'targets.withdrawn': { code: 'POLICY_VIOLATION', title: '绩效目标已撤回' },
  'unit.duplicate': { code: 'POLICY_VIOLATION', title: '预算单位已登记' },
  'unit.unknown': { code: 'NOT_FOUND', title: '预算单位未登记' },
  'year.not-open': { code: 'NOT_FOUND', title: '该单位该年度预算未开启' },
  'year.already-open': { code: 'POLICY_VIOLATION', title: '该单位该年度预算已开启' },
  'year.closed': { code: 'POLICY_VIOLATION', title: '已年终结转的年度不得再改动' },
  'record.duplicate-id': { code: 'POLICY_VIOLATION', title: '该编号已记录' },
  'publication.blocked': {
    code: 'BAD_USER_INPUT',
    title: '公开前检查未通过（致命问题须改正，警告须确认）',
  },
  'code.adopt-invalid': {
    code: 'BAD_USER_INPUT',
    title: '采用的科目代码须为款或项，有名称，且上级科目已知',
  },
  'code.adopt-conflict': { code: 'POLICY_VIOLATION', title: '科目代码已存在，名称不同' },
} as const satisfies Record<string, RuleInfo>;

export type LedgerRuleId = keyof typeof RULES;

/** Policy rule ids come from the year's policy.json, so they are open strings with a prefix. */
export type PolicyRuleId = `policy.${string}`;
export type RuleId = LedgerRuleId | PolicyRuleId;
