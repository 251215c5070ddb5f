/**
 * Interprets a year's policy rules. A decision hands the engine a subject (a line being used,
 * an adjustment being submitted or approved, a review); every rule of the year whose kind cares
 * about that subject checks it. Adding a rule to a year is a data change; adding a new kind of
 * rule is one interpreter here, listed in INTERPRETERS with the id the shipped policy.json files
 * give its rule.
 */
import type { BudgetLineKey, LineDelta } from '../budget/line';
import { lineId } from '../budget/line';
import type { ReferenceIndex } from '../reference/lookup';
import type { UnitKind } from '../reference/types';
import { policyError, type PolicyViolationError } from '../rules/errors';
import * as Money from '../money';
import type { PolicyRuleId } from '../rules/catalogue';
import { sanGongCodes } from './sangong';
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

type Check<R extends PolicyRule> = (
  rule: R,
  subject: PolicySubject,
  policy: PolicyRuleSet,
) => PolicyViolationError | null;

/** policy.sangong-decrease-only (“三公”经费只减不增): no line of the year's 三公 codes goes up. */
const noIncrease: Check<NoIncreaseRule> = (rule, subject, policy) => {
  if (subject.stage !== 'adjustment') return null;
  const codes = sanGongCodes(policy[rule.codes]);
  const raised = subject.lines.find(
    (l) => Money.isPositive(l.delta) && codes.includes(l.line.deptEconCode),
  );
  if (!raised) return null;
  return policyError(
    rule.id,
    rule.title,
    `line ${raised.lineId} (${raised.line.deptEconCode}) would go up by ${raised.delta}`,
    { lineId: raised.lineId, delta: raised.delta },
  );
};

/** policy.no-basic-project-transfer: a 调剂 stays within one group of expenditure kinds. */
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

/**
 * The person a recorded submitter or reviewer names. Since persons exist, it is the person id of
 * the token that acted. Before, it was the token's "<role>:<label>" (e.g. "budget_officer:张会计"),
 * and migration 0010 made each such token's person its label: so that name stands for the person
 * of that label, and an adjustment submitted before still cannot be reviewed by its submitter.
 */
export function personNamed(recorded: string): string {
  return (
    /^(?:admin|budget_officer|finance_reviewer|auditor):(.+)$/s.exec(recorded)?.[1] ?? recorded
  );
}

/**
 * policy.reviewer-is-not-submitter: whoever submitted an adjustment does not review it. Persons
 * are compared, not tokens: one person holding an officer's and a reviewer's token is still one.
 */
const segregation: Check<SegregationOfDutiesRule> = (rule, subject) => {
  if (subject.stage !== 'review') return null;
  if (personNamed(subject.reviewer) !== personNamed(subject.submittedBy)) return null;
  return policyError(
    rule.id,
    rule.title,
    `${subject.reviewer} submitted adjustment ${subject.adjustmentId}`,
    { adjustmentId: subject.adjustmentId, reviewer: subject.reviewer },
  );
};

/**
 * policy.economic-mapping: a line's government economic code is one its department code maps to.
 */
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

/**
 * Each kind's interpreter and the id of the rule of that kind in the shipped policy.json files
 * (tests/unit/domain/policy.test.ts holds every shipped year to these pairs).
 */
export const INTERPRETERS: {
  [K in PolicyRule['kind']]: {
    shipped: PolicyRuleId;
    check: Check<Extract<PolicyRule, { kind: K }>>;
  };
} = {
  'no-increase': { shipped: 'policy.sangong-decrease-only', check: noIncrease },
  'no-transfer-between': { shipped: 'policy.no-basic-project-transfer', check: noTransferBetween },
  'segregation-of-duties': { shipped: 'policy.reviewer-is-not-submitter', check: segregation },
  'economic-mapping': { shipped: 'policy.economic-mapping', check: economicMapping },
};

function checkRule(
  rule: PolicyRule,
  subject: PolicySubject,
  policy: PolicyRuleSet,
): PolicyViolationError | null {
  const check = INTERPRETERS[rule.kind]?.check as Check<PolicyRule> | undefined;
  // A rule kind the code does not know is a broken rule set, never a rule to skip silently.
  if (!check) throw new Error(`policy rule ${rule.id} has unknown kind ${String(rule.kind)}`);
  return check(rule, subject, policy);
}

/** Throws the first violation of the year's policy by `subject`. */
export function enforcePolicy(policy: PolicyRuleSet, subject: PolicySubject): void {
  for (const rule of policy.rules) {
    const violation = checkRule(rule, subject, policy);
    if (violation) throw violation;
  }
}

/** All violations, for reports that list every problem instead of stopping at the first. */
export function policyViolations(
  policy: PolicyRuleSet,
  subject: PolicySubject,
): PolicyViolationError[] {
  return policy.rules
    .map((rule) => checkRule(rule, subject, policy))
    .filter((v): v is PolicyViolationError => v !== null);
}
