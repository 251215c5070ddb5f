/**
 * 年初预算, 上年结转 and 项目登记: the decisions that put money on lines in the first place.
 * An allocation or carry-over id may be recorded once, so a resent command is refused instead
 * of doubling the budget.
 */
import * as Money from '../money';
import { ruleError } from '../rules/errors';
import type { AllocateInitialBudget, RecordCarryOver, RegisterProject } from './commands';
import type {
  CarryOverRecorded,
  InitialBudgetAllocated,
  Project,
  ProjectAttribute,
  ProjectCategory,
  ProcurementCategory,
  ProjectRegistered,
} from './events';
import {
  optionalText,
  parseLineEntries,
  requireDate,
  requireText,
  type DecideContext,
} from './validate';

const CATEGORIES: readonly ProjectCategory[] = ['other-operating', 'specific-goal'];
const ATTRIBUTES: readonly ProjectAttribute[] = ['one-off', 'recurring'];
const PROCUREMENT: readonly ProcurementCategory[] = ['goods', 'works', 'services'];

function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T))
    throw ruleError('input.invalid', `${field} must be one of ${allowed.join(', ')}`, { field });
  return value as T;
}

function requireNewId(id: unknown, field: string, ctx: DecideContext): string {
  const value = requireText(id, field);
  if (ctx.state.recordedIds.includes(value))
    throw ruleError('record.duplicate-id', `${field} ${value} is already recorded`, {
      [field]: value,
    });
  return value;
}

function parseProcurement(items: Project['procurement'] | undefined): Project['procurement'] {
  return (items ?? []).map((item, i) => ({
    category: requireOneOf(item.category, PROCUREMENT, `project.procurement[${i}].category`),
    amount: Money.parsePositiveYuan(item.amount, { field: `project.procurement[${i}].amount` }),
  }));
}

export function registerProject(command: RegisterProject, ctx: DecideContext): ProjectRegistered[] {
  const p = command.data.project ?? ({} as RegisterProject['data']['project']);
  const code = requireText(p.code, 'project.code');
  if (ctx.state.projects[code])
    throw ruleError('project.duplicate', `project ${code} is already registered`, {
      projectCode: code,
    });
  const project: Project = {
    code,
    name: requireText(p.name, 'project.name'),
    category: requireOneOf(p.category, CATEGORIES, 'project.category'),
    attribute: requireOneOf(p.attribute, ATTRIBUTES, 'project.attribute'),
    period: requireText(p.period, 'project.period'),
    procurement: parseProcurement(p.procurement),
    implementingUnit: optionalText(p.implementingUnit, 'project.implementingUnit'),
  };
  return [
    {
      type: 'ProjectRegistered',
      schemaVersion: 1,
      data: { project, registeredAt: requireDate(command.data.registeredAt, 'registeredAt') },
    },
  ];
}

export function allocateInitialBudget(
  command: AllocateInitialBudget,
  ctx: DecideContext,
): InitialBudgetAllocated[] {
  const d = command.data;
  const allocationId = requireNewId(d.allocationId, 'allocationId', ctx);
  const lines = parseLineEntries(d.lines, { kind: 'amount', origin: 'current' }, ctx);
  const data = {
    allocationId,
    allocatedAt: requireDate(d.allocatedAt, 'allocatedAt'),
    documentNumber: optionalText(d.documentNumber, 'documentNumber'),
    lines,
  };
  return [{ type: 'InitialBudgetAllocated', schemaVersion: 3, data }];
}

export function recordCarryOver(command: RecordCarryOver, ctx: DecideContext): CarryOverRecorded[] {
  const d = command.data;
  const carryOverId = requireNewId(d.carryOverId, 'carryOverId', ctx);
  const lines = parseLineEntries(d.lines, { kind: 'amount', origin: 'carry-over' }, ctx);
  const data = {
    carryOverId,
    recordedAt: requireDate(d.recordedAt, 'recordedAt'),
    documentNumber: optionalText(d.documentNumber, 'documentNumber'),
    lines,
  };
  return [{ type: 'CarryOverRecorded', schemaVersion: 3, data }];
}
