/**
 * Interprets a year's policy rules. A decision hands the engine a subject (a line being used,
 * an adjustment being submitted or approved, a review); every rule of the year whose kind cares
 * about that subject checks it. Adding a rule to a year is a data change; adding a new kind of
 * rule is one interpreter here.
 */
import type { BudgetLineKey, LineDelta } from '../budget/line';
import { lineId } from '../budget/line';
import type { ReferenceIndex } from '../reference/lookup';
import type { UnitKind } from '../reference/types';
import { policyError, type PolicyViolationError } from '../rules/errors';
import * as Money from '../money';
import type {
  EconomicMappingRule,
  NoIncreaseRule,
  NoTransferBetweenRule,
  PolicyRule,
  PolicyRuleSet,
  SegregationOfDutiesRule,
} from './types';

export type AdjustmentType = 'increase' | 'decrease' | 'transfer';

export type PolicySubject =
  | { stage: 'line'; line: BudgetLineKey; unitKind: UnitKind; reference: ReferenceIndex }
  | { stage: 'adjustment'; adjustmentType: AdjustmentType; lines: readonly LineDelta[] }
  | { stage: 'review'; submittedBy: string; reviewer: string; adjustmentId: string };

type Check<R extends PolicyRule> = (rule: R, subject: PolicySubject) => PolicyViolationError | null;

const noIncrease: Check<NoIncreaseRule> = (rule, subject) => {
  if (subject.stage !== 'adjustment') return null;
  const raised = subject.lines.find(
    (l) => Money.isPositive(l.delta) && rule.deptEconCodes.includes(l.line.deptEconCode),
  );
  if (!raised) return null;
  return policyError(
    rule.id,
    rule.title,
    `line ${raised.lineId} (${raised.line.deptEconCode}) would go up by ${raised.delta}`,
    { lineId: raised.lineId, delta: raised.delta },
  );
};

const noTransferBetween: Check<NoTransferBetweenRule> = (rule, subject) => {
  if (subject.stage !== 'adjustment' || subject.adjustmentType !== 'transfer') return null;
  const groupOf = (l: LineDelta): number => rule.groups.findIndex((g) => g.includes(l.line.kind));
  const first = subject.lines[0];
  if (!first) return null;
  const offending = subject.lines.find((l) => groupOf(l) !== groupOf(first));
  if (!offending) return null;
  return policyError(
    rule.id,
    rule.title,
    `line ${offending.lineId} (${offending.line.kind}) and line ${first.lineId} (${first.line.kind}) are in different groups`,
    { lineId: offending.lineId, otherLineId: first.lineId },
  );
};

const segregation: Check<SegregationOfDutiesRule> = (rule, subject) => {
  if (subject.stage !== 'review' || subject.reviewer !== subject.submittedBy) return null;
  return policyError(
    rule.id,
    rule.title,
    `${subject.reviewer} submitted adjustment ${subject.adjustmentId}`,
    { adjustmentId: subject.adjustmentId, reviewer: subject.reviewer },
  );
};

const economicMapping: Check<EconomicMappingRule> = (rule, subject) => {
  if (subject.stage !== 'line') return null;
  const { line, unitKind, reference } = subject;
  const allowed = reference.governmentCodesFor(line.deptEconCode, unitKind);
  if (allowed === null || allowed.includes(line.govEconCode)) return null;
  const id = lineId(line);
  return policyError(
    rule.id,
    rule.title,
    `line ${id}: ${line.deptEconCode} of a ${unitKind} unit maps to ${allowed.join(' or ')}, not ${line.govEconCode}`,
    { lineId: id, allowed },
  );
};

const CHECKS: { [K in PolicyRule['kind']]: Check<Extract<PolicyRule, { kind: K }>> } = {
  'no-increase': noIncrease,
  'no-transfer-between': noTransferBetween,
  'segregation-of-duties': segregation,
  'economic-mapping': economicMapping,
};

function checkRule(rule: PolicyRule, subject: PolicySubject): PolicyViolationError | null {
  const check = CHECKS[rule.kind] as Check<PolicyRule> | undefined;
  // A rule kind the code does not know is a broken rule set, never a rule to skip silently.
  if (!check) throw new Error(`policy rule ${rule.id} has unknown kind ${String(rule.kind)}`);
  return check(rule, subject);
}

/** Throws the first violation of the year's policy by `subject`. */
export function enforcePolicy(policy: PolicyRuleSet, subject: PolicySubject): void {
  for (const rule of policy.rules) {
    const violation = checkRule(rule, subject);
    if (violation) throw violation;
  }
}

/** All violations, for reports that list every problem instead of stopping at the first. */
export function policyViolations(
  policy: PolicyRuleSet,
  subject: PolicySubject,
): PolicyViolationError[] {
  return policy.rules
    .map((rule) => checkRule(rule, subject))
    .filter((v): v is PolicyViolationError => v !== null);
}
