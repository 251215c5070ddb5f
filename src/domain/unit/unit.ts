/**
 * The budget unit registry: one stream per unit (`unit-<unitCode>`). A unit's kind decides its
 * government economic codes and whether it counts for 机关运行经费; its parent places it in a
 * department (部门) for consolidation. Events + state + evolve, then commands + decide.
 */
import { UNIT_KINDS, type UnitKind } from '../reference/types';
import { ruleError } from '../rules/errors';
import { optionalText, requireCount, requireDate, requireText } from '../budget/validate';

export type Staffing = {
  /** 编制数; null when not published. */
  authorized: number | null;
  /** 实有人数. */
  actual: number | null;
};

export type BudgetUnitRegistered = {
  type: 'BudgetUnitRegistered';
  schemaVersion: 1;
  data: {
    unitCode: string;
    name: string;
    kind: UnitKind;
    parentUnitCode: string | null;
    departmentCode: string;
    staffing: Staffing;
    registeredAt: string;
  };
};
export type UnitEvent = BudgetUnitRegistered;

export type UnitState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      unitCode: string;
      name: string;
      kind: UnitKind;
      parentUnitCode: string | null;
      departmentCode: string;
      staffing: Staffing;
    };

export const initialUnitState = (): UnitState => ({ status: 'unregistered' });

export function evolveUnit(_state: UnitState, event: UnitEvent): UnitState {
  switch (event.type) {
    case 'BudgetUnitRegistered': {
      const { registeredAt: _at, ...unit } = event.data;
      return { status: 'registered', ...unit };
    }
  }
}

export const foldUnit = (events: readonly UnitEvent[]): UnitState =>
  events.reduce(evolveUnit, initialUnitState());

export type RegisterBudgetUnit = {
  type: 'RegisterBudgetUnit';
  data: {
    unitCode: string;
    name: string;
    kind: UnitKind;
    parentUnitCode?: string | null;
    departmentCode: string;
    staffing?: Partial<Staffing>;
    registeredAt: string;
  };
};
export type UnitCommand = RegisterBudgetUnit;

const optionalCount = (value: unknown, field: string): number | null =>
  value === undefined || value === null ? null : requireCount(value, field);

export function decideUnit(command: UnitCommand, state: UnitState): UnitEvent[] {
  const d = command.data;
  if (state.status === 'registered')
    throw ruleError('unit.duplicate', `unit ${state.unitCode} is already registered`, {
      unitCode: state.unitCode,
    });
  if (!UNIT_KINDS.includes(d.kind))
    throw ruleError('input.invalid', `kind must be one of ${UNIT_KINDS.join(', ')}`, {
      field: 'kind',
    });
  const staffing = {
    authorized: optionalCount(d.staffing?.authorized, 'staffing.authorized'),
    actual: optionalCount(d.staffing?.actual, 'staffing.actual'),
  };
  const data = {
    unitCode: requireText(d.unitCode, 'unitCode'),
    name: requireText(d.name, 'name'),
    kind: d.kind,
    parentUnitCode: optionalText(d.parentUnitCode, 'parentUnitCode'),
    departmentCode: requireText(d.departmentCode, 'departmentCode'),
    staffing,
    registeredAt: requireDate(d.registeredAt, 'registeredAt'),
  };
  return [{ type: 'BudgetUnitRegistered', schemaVersion: 1, data }];
}

/** What OpenFiscalYear needs from the registry; throws unit.unknown for an unregistered unit. */
export function unitSnapshot(state: UnitState): { unitCode: string; name: string; kind: UnitKind } {
  if (state.status !== 'registered')
    throw ruleError('unit.unknown', 'register the budget unit first');
  return { unitCode: state.unitCode, name: state.name, kind: state.kind };
}
