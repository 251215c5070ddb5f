/** The budget unit registry (预算单位): kind, parent unit and staffing, one stream per unit. */
import {
  budgetStreamId,
  decideUnit,
  evolveUnit,
  foldUnit,
  initialUnitState,
  parseBudgetStreamId,
  unitSnapshot,
  unitStreamId,
  type UnitCommand,
  type UnitEvent,
  type UnitState,
} from '../../../src/domain';
import { refusedBy, specification } from './support/spec';

const given = specification<UnitCommand, UnitEvent, UnitState>({
  decide: decideUnit,
  evolve: evolveUnit,
  initialState: initialUnitState,
});

const register = (overrides: Partial<UnitCommand['data']> = {}): UnitCommand => ({
  type: 'RegisterBudgetUnit',
  data: {
    unitCode: '019002',
    name: '数字政府服务中心',
    kind: 'institution',
    parentUnitCode: '019001',
    departmentCode: '019',
    staffing: { actual: 6 },
    registeredAt: '2024-01-02',
    ...overrides,
  },
});
const registered: UnitEvent = {
  type: 'BudgetUnitRegistered',
  schemaVersion: 1,
  data: {
    unitCode: '019002',
    name: '数字政府服务中心',
    kind: 'institution',
    parentUnitCode: '019001',
    departmentCode: '019',
    staffing: { authorized: null, actual: 6 },
    registeredAt: '2024-01-02',
  },
};

describe('registering a budget unit', () => {
  it('records a 事业单位 under its parent, with its staff', () => {
    given([]).when(register()).then([registered]);
  });

  it('records a 行政单位 at the top of its department', () => {
    given([])
      .when(
        register({
          unitCode: '019001',
          name: '汾阳市行政审批服务管理局',
          kind: 'administrative',
          parentUnitCode: null,
          staffing: { authorized: 24, actual: 18 },
        }),
      )
      .thenEvents((events) =>
        expect(events[0]?.data).toMatchObject({
          kind: 'administrative',
          parentUnitCode: null,
          staffing: { authorized: 24, actual: 18 },
        }),
      );
  });

  it('accepts a 参公事业单位', () => {
    given([])
      .when(register({ kind: 'civil-service-managed' }))
      .thenEvents((events) => expect(events[0]?.data.kind).toBe('civil-service-managed'));
  });

  it('refuses an unknown kind of unit and a negative staff count', () => {
    given([])
      .when(register({ kind: 'company' as never }))
      .then(refusedBy('input.invalid', { field: 'kind' }));
    given([])
      .when(register({ staffing: { actual: -1 } }))
      .then(refusedBy('input.invalid', { field: 'staffing.actual' }));
  });

  it('registers a unit once', () => {
    given([registered])
      .when(register())
      .then(refusedBy('unit.duplicate', {}, 'POLICY_VIOLATION'));
  });

  it('gives OpenFiscalYear the registered name and kind, and refuses an unregistered unit', () => {
    expect(unitSnapshot(foldUnit([registered]))).toEqual({
      unitCode: '019002',
      name: '数字政府服务中心',
      kind: 'institution',
    });
    expect(() => unitSnapshot(initialUnitState())).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }) as Error,
    );
  });
});

describe('stream ids', () => {
  it('one stream per unit, and one per unit and fiscal year', () => {
    expect(unitStreamId('019001')).toBe('unit-019001');
    expect(budgetStreamId('019001', 2024)).toBe('budget-019001-2024');
    expect(parseBudgetStreamId('budget-019001-2024')).toEqual({
      unitCode: '019001',
      fiscalYear: 2024,
    });
    expect(parseBudgetStreamId('unit-019001')).toBeNull();
    expect(() => budgetStreamId('01-9', 2024)).toThrow();
  });
});
