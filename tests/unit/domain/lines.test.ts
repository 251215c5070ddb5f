/**
 * 年初预算 and 上年结转 put money on budget lines; each line must be valid for the year:
 * known codes at the right level, project money with a registered project, and the right
 * government economic code for the unit's kind.
 */
import {
  ReferenceLists,
  decide,
  evolve,
  initialBudgetState,
  lineId,
  parseLineId,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetLineKey,
  type BudgetState,
} from '../../../src/domain';
import { refusedBy, specification } from './support/spec';
import {
  HALL_SERVICES,
  OFFICE,
  WAGES,
  YEAR,
  allocated,
  deltaOf,
  fundedYear,
  lineOf,
  opened,
  projectRegistered,
} from './support/fixtures';

/** The shipped reference lists: these specifications adopt no codes. */
const SHIPPED = ReferenceLists.shipped();

const given = specification<BudgetCommand, BudgetEvent, BudgetState>({
  decide: (c, s) => decide(c, s, SHIPPED),
  evolve,
  initialState: initialBudgetState,
});

const allocate = (allocationId: string, lines: [BudgetLineKey, string][]): BudgetCommand => ({
  type: 'AllocateInitialBudget',
  data: {
    allocationId,
    allocatedAt: '2024-01-11',
    lines: lines.map(([line, amount]) => ({ line, amount })),
  },
});
const carryOver = (carryOverId: string, lines: [BudgetLineKey, string][]): BudgetCommand => ({
  type: 'RecordCarryOver',
  data: {
    carryOverId,
    recordedAt: '2024-01-20',
    documentNumber: '汾财预批（2023）25号',
    lines: lines.map(([line, amount]) => ({ line, amount })),
  },
});

describe('the line id', () => {
  it('is stable and reads back into the same line', () => {
    expect(lineId(WAGES)).toBe(
      '019001|2024|general-public|2010301|personnel|30101|50101|-|current',
    );
    expect(parseLineId(lineId(HALL_SERVICES))).toEqual(HALL_SERVICES);
    const odd = lineOf({
      kind: 'project',
      functionalCode: '2010306',
      deptEconCode: '30227',
      govEconCode: '50205',
      projectCode: 'a|b/c 项目',
    });
    expect(parseLineId(lineId(odd))).toEqual(odd);
  });
});

describe('allocating the initial budget (年初预算)', () => {
  it('records many lines in one allocation, each with its amount as an explicit change', () => {
    given([opened(), projectRegistered()])
      .when(
        allocate('alloc-1', [
          [WAGES, '475400'],
          [OFFICE, '22200.5'],
          [HALL_SERVICES, '3950600.00'],
        ]),
      )
      .then([
        allocated('alloc-1', [
          [WAGES, '475400.00'],
          [OFFICE, '22200.50'],
          [HALL_SERVICES, '3950600.00'],
        ]),
      ]);
  });

  it('lets later forms add to the same line', () => {
    const state = [...fundedYear(), allocated('alloc-2', [[OFFICE, '100.00']])].reduce(
      evolve,
      initialBudgetState(),
    );
    expect(state.lines[lineId(OFFICE)]?.amount).toBe('22300.00');
  });

  it('refuses an amount of zero or less', () => {
    given(fundedYear())
      .when(allocate('alloc-2', [[OFFICE, '0']]))
      .then(refusedBy('money.positive', { lineId: lineId(OFFICE) }, 'BAD_USER_INPUT'));
    given(fundedYear())
      .when(allocate('alloc-2', [[OFFICE, '-1.00']]))
      .then(refusedBy('money.positive'));
  });

  it('refuses an amount with more than two decimals', () => {
    given(fundedYear())
      .when(allocate('alloc-2', [[OFFICE, '22200.001']]))
      .then(refusedBy('money.format', { lineId: lineId(OFFICE) }, 'BAD_USER_INPUT'));
  });

  it('refuses a functional code unknown in 2024', () => {
    given(fundedYear())
      .when(allocate('alloc-2', [[lineOf({ functionalCode: '2019999' }), '1.00']]))
      .then(refusedBy('code.unknown', { field: 'functionalCode' }, 'BAD_USER_INPUT'));
  });

  it('refuses a functional 款 where a 项 is needed', () => {
    given(fundedYear())
      .when(allocate('alloc-2', [[lineOf({ functionalCode: '20103' }), '1.00']]))
      .then(refusedBy('code.wrong-level', { field: 'functionalCode', level: '款' }));
  });

  it('refuses an economic 类 where a 款 is needed, and unknown economic codes', () => {
    given(fundedYear())
      .when(allocate('alloc-2', [[lineOf({ deptEconCode: '301' }), '1.00']]))
      .then(refusedBy('code.wrong-level', { field: 'deptEconCode' }));
    given(fundedYear())
      .when(allocate('alloc-2', [[lineOf({ govEconCode: '50198' }), '1.00']]))
      .then(refusedBy('code.unknown', { field: 'govEconCode' }));
  });

  it('refuses a government economic code that does not match the department code for a 行政单位', () => {
    given(fundedYear())
      .when(allocate('alloc-2', [[lineOf({ govEconCode: '50501' }), '1.00']]))
      .then(refusedBy('policy.economic-mapping', { allowed: ['50101'] }, 'POLICY_VIOLATION'));
  });

  it('maps a 事业单位’s wages to 50501 工资福利支出', () => {
    const institution: BudgetEvent = {
      type: 'FiscalYearOpened',
      schemaVersion: 1,
      data: {
        unitCode: '019002',
        fiscalYear: YEAR,
        unitName: '数字政府服务中心',
        unitKind: 'institution',
        openedAt: '2024-01-05',
        priorYear: null,
      },
    };
    const wages = lineOf({ unitCode: '019002', functionalCode: '2010350', govEconCode: '50501' });
    given([institution])
      .when(allocate('a', [[wages, '241600.00']]))
      .then([{ ...allocated('a', [[wages, '241600.00']]) }]);
    given([institution])
      .when(allocate('a', [[{ ...wages, govEconCode: '50101' }, '1.00']]))
      .then(refusedBy('policy.economic-mapping'));
  });

  it('refuses project money without a registered project, and basic money with a project code', () => {
    given([opened()])
      .when(allocate('a', [[HALL_SERVICES, '1.00']]))
      .then(refusedBy('project.unknown', { lineId: lineId(HALL_SERVICES) }, 'NOT_FOUND'));
    given(fundedYear())
      .when(
        allocate('a', [
          [
            lineOf({
              kind: 'project',
              projectCode: null,
              deptEconCode: '30227',
              govEconCode: '50205',
            }),
            '1.00',
          ],
        ]),
      )
      .then(refusedBy('line.project-code'));
    given(fundedYear())
      .when(allocate('a', [[{ ...OFFICE, projectCode: 'P2024-005' }, '1.00']]))
      .then(refusedBy('line.project-code'));
  });

  it('refuses 人员经费 on a 302 code and 公用经费 on a 301 code', () => {
    given(fundedYear())
      .when(
        allocate('a', [
          [lineOf({ kind: 'personnel', deptEconCode: '30201', govEconCode: '50201' }), '1.00'],
        ]),
      )
      .then(refusedBy('line.kind-economic'));
    given(fundedYear())
      .when(allocate('a', [[lineOf({ kind: 'public' }), '1.00']]))
      .then(refusedBy('line.kind-economic'));
  });

  it('refuses a line of another unit or another year', () => {
    given(fundedYear())
      .when(allocate('a', [[lineOf({ unitCode: '019002' }), '1.00']]))
      .then(refusedBy('line.unit-or-year-mismatch'));
    given(fundedYear())
      .when(allocate('a', [[lineOf({ fiscalYear: 2023 }), '1.00']]))
      .then(refusedBy('line.unit-or-year-mismatch'));
  });

  it('refuses an unknown fund source', () => {
    given(fundedYear())
      .when(allocate('a', [[lineOf({ fundSource: 'lottery' as never }), '1.00']]))
      .then(refusedBy('input.invalid', { field: 'fundSource' }));
  });

  it('refuses carried-over money in the initial budget, the same line twice, and an empty allocation', () => {
    given(fundedYear())
      .when(allocate('a', [[lineOf({ origin: 'carry-over' }), '1.00']]))
      .then(refusedBy('line.origin'));
    given(fundedYear())
      .when(
        allocate('a', [
          [OFFICE, '1.00'],
          [OFFICE, '2.00'],
        ]),
      )
      .then(refusedBy('line.duplicate'));
    given(fundedYear())
      .when(allocate('a', []))
      .then(refusedBy('input.invalid', { field: 'lines' }));
  });

  it('records an allocation once: the same allocation id is refused the second time', () => {
    given(fundedYear())
      .when(allocate('alloc-1', [[OFFICE, '1.00']]))
      .then(refusedBy('record.duplicate-id'));
  });
});

describe('recording a carry-over from last year (上年结转)', () => {
  const carried = { ...HALL_SERVICES, origin: 'carry-over' as const };

  it('puts carried-over money on its own lines', () => {
    given(fundedYear())
      .when(carryOver('co-1', [[carried, '753249.60']]))
      .then([
        {
          type: 'CarryOverRecorded',
          schemaVersion: 3,
          data: {
            carryOverId: 'co-1',
            recordedAt: '2024-01-20',
            documentNumber: '汾财预批（2023）25号',
            lines: [deltaOf(carried, '753249.60')],
          },
        },
      ]);
  });

  it('refuses a line of this year’s budget', () => {
    given(fundedYear())
      .when(carryOver('co-1', [[HALL_SERVICES, '1.00']]))
      .then(refusedBy('line.origin'));
  });

  it('refuses the same carry-over twice', () => {
    const history = [
      ...fundedYear(),
      {
        type: 'CarryOverRecorded',
        schemaVersion: 3,
        data: {
          carryOverId: 'co-1',
          recordedAt: '2024-01-20',
          documentNumber: null,
          lines: [deltaOf(carried, '1.00')],
        },
      } as BudgetEvent,
    ];
    given(history)
      .when(carryOver('co-1', [[carried, '1.00']]))
      .then(refusedBy('record.duplicate-id'));
  });
});
