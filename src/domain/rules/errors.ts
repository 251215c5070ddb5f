/**
 * Rule errors: one class per error code, each naming the rule it enforces and, where there is
 * one, the offending budget line. Decide functions throw these; callers map `code` once.
 */
import { LedgerError } from '../errors';
import { RULES, type LedgerRuleId, type PolicyRuleId, type RuleId } from './catalogue';

export interface RuleErrorDetails {
  ruleId: RuleId;
  /** The stable id of the offending line (see budget/line.ts lineId), when a line is at fault. */
  lineId?: string;
  [key: string]: unknown;
}

export class InvalidInputError extends LedgerError {
  readonly code = 'BAD_USER_INPUT' as const;
  declare readonly details: Readonly<RuleErrorDetails>;
  constructor(message: string, details: RuleErrorDetails) {
    super(message, details);
  }
}

export class PolicyViolationError extends LedgerError {
  readonly code = 'POLICY_VIOLATION' as const;
  declare readonly details: Readonly<RuleErrorDetails>;
  constructor(message: string, details: RuleErrorDetails) {
    super(message, details);
  }
}

export class NotFoundRuleError extends LedgerError {
  readonly code = 'NOT_FOUND' as const;
  declare readonly details: Readonly<RuleErrorDetails>;
  constructor(message: string, details: RuleErrorDetails) {
    super(message, details);
  }
}

export type RuleError = InvalidInputError | PolicyViolationError | NotFoundRuleError;

/** Builds the error for a ledger rule with the code the catalogue assigns to it. */
export function ruleError(
  ruleId: LedgerRuleId,
  message: string,
  extra: Omit<RuleErrorDetails, 'ruleId'> = {},
): RuleError {
  const details: RuleErrorDetails = { ...extra, ruleId };
  const text = `${RULES[ruleId].title}: ${message}`;
  switch (RULES[ruleId].code) {
    case 'BAD_USER_INPUT':
      return new InvalidInputError(text, details);
    case 'NOT_FOUND':
      return new NotFoundRuleError(text, details);
    default:
      return new PolicyViolationError(text, details);
  }
}

/** Policy rules always raise POLICY_VIOLATION; their title comes from the year's rule set. */
export function policyError(
  ruleId: PolicyRuleId,
  title: string,
  message: string,
  extra: Omit<RuleErrorDetails, 'ruleId'> = {},
): PolicyViolationError {
  return new PolicyViolationError(`${title}: ${message}`, { ...extra, ruleId });
}

export function isRuleError(error: unknown): error is RuleError {
  return (
    error instanceof InvalidInputError ||
    error instanceof PolicyViolationError ||
    error instanceof NotFoundRuleError
  );
}
