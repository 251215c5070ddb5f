/**
 * 绩效目标: one whole-unit form ("unit") and one form per project ("project:<code>"). A form is
 * set once, then revised (each revision with a reason, numbered from 1) or withdrawn.
 */
import { ruleError } from '../rules/errors';
import type {
  RevisePerformanceTargets,
  SetPerformanceTargets,
  WithdrawPerformanceTargets,
} from './commands';
import { targetFormId } from './commands';
import type {
  Indicator,
  PerformanceTargetsRevised,
  PerformanceTargetsSet,
  PerformanceTargetsWithdrawn,
  TargetForm,
} from './events';
import type { TargetRecord } from './state';
import { optionalText, requireDate, requireText, type DecideContext } from './validate';

function parseIndicator(input: Indicator, level1: readonly string[], index: number): Indicator {
  const field = `form.indicators[${index}]`;
  if (typeof input !== 'object' || input === null || !level1.includes(input.level1)) {
    throw ruleError('input.invalid', `${field}.level1 must be one of ${level1.join(', ')}`, {
      field,
    });
  }
  const annual = input.annual ?? null;
  return {
    level1: input.level1,
    level2: optionalText(input.level2, `${field}.level2`),
    level3: optionalText(input.level3, `${field}.level3`),
    value: optionalText(input.value, `${field}.value`),
    annual: annual && {
      level2: optionalText(annual.level2, `${field}.annual.level2`),
      level3: optionalText(annual.level3, `${field}.annual.level3`),
      value: optionalText(annual.value, `${field}.annual.value`),
    },
  };
}

/** A form with at least one indicator, each under a known 一级指标; texts copied as given. */
function parseForm(form: TargetForm, ctx: DecideContext): TargetForm {
  if (
    typeof form !== 'object' ||
    form === null ||
    !Array.isArray(form.indicators) ||
    form.indicators.length === 0
  ) {
    throw ruleError('input.invalid', 'a target form needs at least one indicator', {
      field: 'form.indicators',
    });
  }
  const level1 = ctx.reference.data.performanceIndicators.level1;
  const details: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(form.details ?? {}))
    details[key] = optionalText(value, `form.details.${key}`);
  return {
    goal: optionalText(form.goal, 'form.goal'),
    indicators: form.indicators.map((i, n) => parseIndicator(i, level1, n)),
    details,
  };
}

function activeForm(formId: string, ctx: DecideContext): TargetRecord {
  const record = ctx.state.targets[formId];
  if (!record) throw ruleError('targets.unknown', `no performance targets ${formId}`, { formId });
  if (record.status === 'withdrawn')
    throw ruleError('targets.withdrawn', `performance targets ${formId} were withdrawn`, {
      formId,
    });
  return record;
}

export function setTargets(
  command: SetPerformanceTargets,
  ctx: DecideContext,
): PerformanceTargetsSet[] {
  const { scope } = command.data;
  if (scope !== 'unit' && scope !== 'project')
    throw ruleError('input.invalid', 'scope must be unit or project', { field: 'scope' });
  const projectCode =
    scope === 'project' ? requireText(command.data.projectCode, 'projectCode') : null;
  if (projectCode !== null && !ctx.state.projects[projectCode])
    throw ruleError('project.unknown', `project ${projectCode} is not registered`, { projectCode });
  const formId = targetFormId(scope, projectCode);
  const existing = ctx.state.targets[formId];
  if (existing && existing.status === 'active')
    throw ruleError('targets.already-set', `${formId} is set; revise it instead`, { formId });
  const data = {
    formId,
    scope,
    projectCode,
    form: parseForm(command.data.form, ctx),
    setBy: requireText(command.data.setBy, 'setBy'),
    setAt: requireDate(command.data.setAt, 'setAt'),
  };
  return [{ type: 'PerformanceTargetsSet', schemaVersion: 1, data }];
}

export function reviseTargets(
  command: RevisePerformanceTargets,
  ctx: DecideContext,
): PerformanceTargetsRevised[] {
  const record = activeForm(requireText(command.data.formId, 'formId'), ctx);
  const d = command.data;
  const data = {
    formId: record.formId,
    revision: record.revision + 1,
    form: parseForm(d.form, ctx),
    reason: requireText(d.reason, 'reason'),
    revisedBy: requireText(d.revisedBy, 'revisedBy'),
    revisedAt: requireDate(d.revisedAt, 'revisedAt'),
  };
  return [{ type: 'PerformanceTargetsRevised', schemaVersion: 1, data }];
}

export function withdrawTargets(
  command: WithdrawPerformanceTargets,
  ctx: DecideContext,
): PerformanceTargetsWithdrawn[] {
  const record = activeForm(requireText(command.data.formId, 'formId'), ctx);
  const d = command.data;
  const data = {
    formId: record.formId,
    reason: requireText(d.reason, 'reason'),
    withdrawnBy: requireText(d.withdrawnBy, 'withdrawnBy'),
    withdrawnAt: requireDate(d.withdrawnAt, 'withdrawnAt'),
  };
  return [{ type: 'PerformanceTargetsWithdrawn', schemaVersion: 1, data }];
}
