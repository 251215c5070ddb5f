/**
 * decide(command, state, references) → events, for a unit's fiscal-year budget stream. Pure: the
 * reference lists are an input, passed by their owner (the ledger's, with the codes adopted in its
 * log), never read from I/O or from module state. Every refusal is a thrown RuleError naming its
 * rule; `tryDecide` returns it as a value instead.
 */
import type { ReferenceLists } from '../reference/lists';
import { isRuleError, ruleError, type RuleError } from '../rules/errors';
import type { BudgetCommand } from './commands';
import { approveAdjustment, rejectAdjustment, submitAdjustment } from './decide-adjustment';
import { allocateInitialBudget, recordCarryOver, registerProject } from './decide-allocation';
import {
  closeFiscalYear,
  openFiscalYear,
  publishDisclosure,
  recordProcurementBudget,
  recordStateAssets,
} from './decide-records';
import { reviseTargets, setTargets, withdrawTargets } from './decide-targets';
import type { BudgetEvent } from './events';
import type { BudgetState } from './state';
import { requireOpenYear, type DecideContext, type PublicationSubject } from './validate';

export type { PublicationSubject } from './validate';

/** What some commands need besides the state and the lists, passed by the caller. */
export interface DecideInputs {
  /** PublishDisclosure: the disclosure facts at the position it records (the gate checks them). */
  publication?: PublicationSubject;
}

function yearOf(command: BudgetCommand, state: BudgetState): number {
  if (command.type !== 'OpenFiscalYear') return state.fiscalYear;
  const year = command.data?.fiscalYear;
  if (!Number.isSafeInteger(year))
    throw ruleError('input.invalid', 'fiscalYear must be a year', { field: 'fiscalYear' });
  return year;
}

function contextFor(
  command: BudgetCommand,
  state: BudgetState,
  references: ReferenceLists,
  inputs: DecideInputs,
): DecideContext {
  if (command.type !== 'OpenFiscalYear') requireOpenYear(state);
  return { state, reference: references.index(yearOf(command, state)), ...inputs };
}

function dispatch(command: BudgetCommand, ctx: DecideContext): BudgetEvent[] {
  switch (command.type) {
    case 'OpenFiscalYear':
      return openFiscalYear(command, ctx);
    case 'RegisterProject':
      return registerProject(command, ctx);
    case 'AllocateInitialBudget':
      return allocateInitialBudget(command, ctx);
    case 'RecordCarryOver':
      return recordCarryOver(command, ctx);
    case 'SubmitAdjustment':
      return submitAdjustment(command, ctx);
    case 'ApproveAdjustment':
      return approveAdjustment(command, ctx);
    case 'RejectAdjustment':
      return rejectAdjustment(command, ctx);
    case 'SetPerformanceTargets':
      return setTargets(command, ctx);
    case 'RevisePerformanceTargets':
      return reviseTargets(command, ctx);
    case 'WithdrawPerformanceTargets':
      return withdrawTargets(command, ctx);
    case 'RecordProcurementBudget':
      return recordProcurementBudget(command, ctx);
    case 'RecordStateAssets':
      return recordStateAssets(command, ctx);
    case 'PublishDisclosure':
      return publishDisclosure(command, ctx);
    case 'CloseFiscalYear':
      return closeFiscalYear(command, ctx);
    default:
      throw ruleError(
        'input.invalid',
        `unknown command ${String((command as { type?: unknown }).type)}`,
        { field: 'type' },
      );
  }
}

/**
 * Decides the events a command produces on a budget stream, or throws the rule it breaks; codes
 * are checked against the year's lists in `references`, a publication against the year's
 * publication rules on `inputs.publication`.
 */
export function decide(
  command: BudgetCommand,
  state: BudgetState,
  references: ReferenceLists,
  inputs: DecideInputs = {},
): BudgetEvent[] {
  if (
    typeof command !== 'object' ||
    command === null ||
    typeof command.data !== 'object' ||
    command.data === null
  ) {
    throw ruleError('input.invalid', 'a command needs a type and data');
  }
  return dispatch(command, contextFor(command, state, references, inputs));
}

export type DecideResult = { ok: true; events: BudgetEvent[] } | { ok: false; error: RuleError };

/** decide, with rule errors as values (any other exception is a bug and still throws). */
export function tryDecide(
  command: BudgetCommand,
  state: BudgetState,
  references: ReferenceLists,
  inputs: DecideInputs = {},
): DecideResult {
  try {
    return { ok: true, events: decide(command, state, references, inputs) };
  } catch (error) {
    if (isRuleError(error)) return { ok: false, error };
    throw error;
  }
}
