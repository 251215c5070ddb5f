/**
 * A unit's fiscal year: opening it (with last year's comparatives), projects, the procurement
 * budget, state assets, publication of the disclosure, and 年终结转, after which nothing changes.
 */
import {
  ReferenceLists,
  decide,
  evolve,
  initialBudgetState,
  lineId,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
  type PriorYearComparatives,
} from '../../../src/domain';
import { refusedBy, specification } from './support/spec';
import {
  FINANCE,
  HALL_SERVICES,
  OFFICE,
  OFFICER,
  UNIT,
  YEAR,
  closed,
  deltaOf,
  fundedYear,
  opened,
  project,
  projectRegistered,
} from './support/fixtures';
import { fenyangFacts } from '../disclosure/fenyang-fixture';

/** The shipped reference lists: these specifications adopt no codes. */
const SHIPPED = ReferenceLists.shipped();

/** A publication is decided with the facts it publishes: the seed's, which pass the gate. */
const given = specification<BudgetCommand, BudgetEvent, BudgetState>({
  decide: (c, s) =>
    decide(c, s, SHIPPED, { publication: { ledgerPosition: '1234', facts: fenyangFacts() } }),
  evolve,
  initialState: initialBudgetState,
});

const priorYear: PriorYearComparatives = {
  fiscalYear: 2023,
  total: '10170900.00',
  sanGong: {
    overseasTravel: '0.00',
    officialReception: '0.00',
    vehiclePurchase: '0.00',
    vehicleOperation: '50000.00',
  },
  agencyOperatingExpenses: '256200.00',
  source: '汾阳市行政审批服务管理局2023年单位预算公开',
};
const open = (
  fiscalYear = YEAR,
  prior: PriorYearComparatives | null = priorYear,
): BudgetCommand => ({
  type: 'OpenFiscalYear',
  data: {
    unit: { unitCode: UNIT, name: '汾阳市行政审批服务管理局', kind: 'administrative' },
    fiscalYear,
    openedAt: '2024-01-05',
    priorYear: prior,
  },
});
const DIGEST = 'a'.repeat(64);
const publish = (disclosureId = 'disclosure-2024', digest = DIGEST): BudgetCommand => ({
  type: 'PublishDisclosure',
  data: {
    disclosureId,
    publishedAt: '2024-02-01',
    ledgerPosition: '1234',
    digest,
    title: '2024年单位预算公开',
  },
});

describe('opening a fiscal year (开启年度预算)', () => {
  it('records the unit, its kind and last year’s comparatives for the explanation', () => {
    given([])
      .when(open())
      .then([
        {
          type: 'FiscalYearOpened',
          schemaVersion: 1,
          data: {
            unitCode: UNIT,
            fiscalYear: YEAR,
            unitName: '汾阳市行政审批服务管理局',
            unitKind: 'administrative',
            openedAt: '2024-01-05',
            priorYear,
          },
        },
      ]);
  });

  it('opens without comparatives when last year is in the ledger', () => {
    given([]).when(open(YEAR, null)).then([opened()]);
  });

  it('refuses comparatives that are not last year’s, or not in yuan', () => {
    given([])
      .when(open(YEAR, { ...priorYear, fiscalYear: 2022 }))
      .then(refusedBy('input.invalid', { field: 'priorYear.fiscalYear' }));
    given([])
      .when(open(YEAR, { ...priorYear, total: '1017.0900' }))
      .then(refusedBy('money.format'));
  });

  it('refuses a year with no reference data', () => {
    given([]).when(open(1999, null)).then(refusedBy('reference.year-unknown'));
  });

  it('opens a year once', () => {
    given([opened()])
      .when(open())
      .then(refusedBy('year.already-open', {}, 'POLICY_VIOLATION'));
  });

  it('nothing can be recorded before the year is opened', () => {
    given([])
      .when(publish())
      .then(refusedBy('year.not-open', {}, 'NOT_FOUND'));
  });
});

describe('registering a project (项目登记)', () => {
  const register = (overrides: Record<string, unknown> = {}): BudgetCommand =>
    ({
      type: 'RegisterProject',
      data: { project: { ...project(), ...overrides }, registeredAt: '2024-01-11' },
    }) as BudgetCommand;

  it('records name, category, attribute, period and procurement', () => {
    given([opened()]).when(register()).then([projectRegistered()]);
  });

  it('refuses a project code already registered', () => {
    given([opened(), projectRegistered()]).when(register()).then(refusedBy('project.duplicate'));
  });

  it('refuses an unknown category or attribute, and a procurement amount with fen fractions', () => {
    given([opened()])
      .when(register({ category: '其他' }))
      .then(refusedBy('input.invalid', { field: 'project.category' }));
    given([opened()])
      .when(register({ attribute: 'sometimes' }))
      .then(refusedBy('input.invalid', { field: 'project.attribute' }));
    given([opened()])
      .when(register({ procurement: [{ category: 'services', amount: '1.001' }] }))
      .then(refusedBy('money.format'));
  });
});

describe('the procurement budget and state assets (政府采购, 国有资产)', () => {
  it('records goods, works and services, and their total', () => {
    given(fundedYear())
      .when({
        type: 'RecordProcurementBudget',
        data: { recordedAt: '2024-01-11', goods: '1540200.00', works: '0', services: '5283800.00' },
      })
      .then([
        {
          type: 'ProcurementBudgetRecorded',
          schemaVersion: 1,
          data: {
            recordedAt: '2024-01-11',
            goods: '1540200.00',
            works: '0.00',
            services: '5283800.00',
            total: '6824000.00',
          },
        },
      ]);
  });

  it('refuses a negative procurement item', () => {
    given(fundedYear())
      .when({
        type: 'RecordProcurementBudget',
        data: { recordedAt: '2024-01-11', goods: '-1.00', works: '0', services: '0' },
      })
      .then(refusedBy('money.positive', { field: 'goods' }));
  });

  const assets = {
    asOf: '2024-05-07',
    vehicles: {
      establishment: 2,
      actual: 2,
      byUse: { confidentialCommunication: 2, leadership: 0 },
    },
    officeSpaceM2: '0',
    equipmentOver500k: 0,
    equipmentOver1m: 0,
  };
  it('records vehicles, office space and large equipment as of a date', () => {
    given(fundedYear())
      .when({ type: 'RecordStateAssets', data: assets })
      .then([{ type: 'StateAssetsRecorded', schemaVersion: 1, data: assets }]);
  });

  it('refuses an office space beyond the largest amount (10^36 m² was recorded)', () => {
    given(fundedYear())
      .when({
        type: 'RecordStateAssets',
        data: { ...assets, officeSpaceM2: '999999999999999999999999999999999999.99' },
      })
      .then(refusedBy('money.range', { field: 'officeSpaceM2' }));
  });

  it('refuses a fractional vehicle count', () => {
    given(fundedYear())
      .when({
        type: 'RecordStateAssets',
        data: { ...assets, vehicles: { ...assets.vehicles, actual: 1.5 } },
      })
      .then(refusedBy('input.invalid', { field: 'vehicles.actual' }));
  });
});

describe('publishing the disclosure (预算公开)', () => {
  it('records the ledger position the disclosure reflects and its digest', () => {
    given(fundedYear())
      .when(publish())
      .then([
        {
          type: 'DisclosurePublished',
          schemaVersion: 2,
          data: {
            disclosureId: 'disclosure-2024',
            publishedAt: '2024-02-01',
            ledgerPosition: '1234',
            digest: DIGEST,
            title: '2024年单位预算公开',
            layout: null,
            acknowledgedWarnings: [],
          },
        },
      ]);
  });

  it('refuses a digest that is not a SHA-256, and the same disclosure twice', () => {
    given(fundedYear())
      .when(publish('d', 'not-a-digest'))
      .then(refusedBy('input.invalid', { field: 'digest' }));
    const published: BudgetEvent = {
      type: 'DisclosurePublished',
      schemaVersion: 1,
      data: {
        disclosureId: 'd',
        publishedAt: '2024-02-01',
        ledgerPosition: '1',
        digest: DIGEST,
        title: null,
        layout: null,
        acknowledgedWarnings: null,
      },
    };
    given([...fundedYear(), published])
      .when(publish('d'))
      .then(refusedBy('record.duplicate-id'));
  });
});

describe('closing the year (年终结转)', () => {
  const close = (carryForward?: { line: typeof OFFICE; amount: string }[]): BudgetCommand => ({
    type: 'CloseFiscalYear',
    data: { closedAt: '2024-12-31', closedBy: FINANCE, carryForward },
  });

  it('closes the year, recording what is carried forward to next year', () => {
    given(fundedYear())
      .when(close([{ line: HALL_SERVICES, amount: '753249.60' }]))
      .then([
        {
          type: 'FiscalYearClosed',
          schemaVersion: 1,
          data: {
            closedAt: '2024-12-31',
            closedBy: FINANCE,
            carryForward: [
              { lineId: lineId(HALL_SERVICES), line: HALL_SERVICES, amount: '753249.60' },
            ],
          },
        },
      ]);
  });

  it('refuses to carry forward more than a line holds', () => {
    given(fundedYear())
      .when(close([{ line: OFFICE, amount: '22200.01' }]))
      .then(refusedBy('line.non-negative', { lineId: lineId(OFFICE) }));
  });

  const everyCommand: BudgetCommand[] = [
    {
      type: 'AllocateInitialBudget',
      data: {
        allocationId: 'late',
        allocatedAt: '2025-01-02',
        lines: [{ line: OFFICE, amount: '1.00' }],
      },
    },
    {
      type: 'RecordCarryOver',
      data: {
        carryOverId: 'late',
        recordedAt: '2025-01-02',
        lines: [{ line: { ...OFFICE, origin: 'carry-over' }, amount: '1.00' }],
      },
    },
    {
      type: 'SubmitAdjustment',
      data: {
        adjustmentId: 'late',
        adjustmentType: 'decrease',
        reason: 'r',
        documentNumber: 'n',
        effectiveDate: '2025-01-02',
        submittedBy: OFFICER,
        submittedAt: '2025-01-02',
        lines: [{ line: OFFICE, delta: '-1.00' }],
      },
    },
    {
      type: 'ApproveAdjustment',
      data: { adjustmentId: 'late', approvedBy: FINANCE, approvedAt: '2025-01-02' },
    },
    {
      type: 'RejectAdjustment',
      data: { adjustmentId: 'late', rejectedBy: FINANCE, rejectedAt: '2025-01-02', reason: 'r' },
    },
    {
      type: 'RegisterProject',
      data: { project: { ...project(), code: 'late' }, registeredAt: '2025-01-02' },
    },
    {
      type: 'SetPerformanceTargets',
      data: {
        scope: 'unit',
        form: {
          goal: null,
          indicators: [{ level1: '产出指标', level2: null, level3: 'x', value: '1', annual: null }],
          details: {},
        },
        setBy: OFFICER,
        setAt: '2025-01-02',
      },
    },
    {
      type: 'RevisePerformanceTargets',
      data: {
        formId: 'unit',
        form: { goal: null, indicators: [], details: {} },
        reason: 'r',
        revisedBy: OFFICER,
        revisedAt: '2025-01-02',
      },
    },
    {
      type: 'WithdrawPerformanceTargets',
      data: { formId: 'unit', reason: 'r', withdrawnBy: OFFICER, withdrawnAt: '2025-01-02' },
    },
    {
      type: 'RecordProcurementBudget',
      data: { recordedAt: '2025-01-02', goods: '1.00', works: '0', services: '0' },
    },
    {
      type: 'RecordStateAssets',
      data: {
        asOf: '2025-01-02',
        vehicles: { establishment: 0, actual: 0, byUse: {} },
        officeSpaceM2: '0',
        equipmentOver500k: 0,
        equipmentOver1m: 0,
      },
    },
    publish('late'),
    close(),
    open(),
  ];
  it.each(everyCommand.map((c) => [c.type, c] as const))(
    'after 年终结转, %s is refused: a closed year does not change',
    (type, command) => {
      given([...fundedYear(), closed()])
        .when(command)
        .then(
          refusedBy(
            type === 'OpenFiscalYear' ? 'year.already-open' : 'year.closed',
            {},
            'POLICY_VIOLATION',
          ),
        );
    },
  );

  it('a closed year keeps its balances', () => {
    const state = [...fundedYear(), closed()].reduce(evolve, initialBudgetState());
    expect(state.status).toBe('closed');
    expect(state.lines[lineId(OFFICE)]).toEqual({ line: OFFICE, amount: '22200.00' });
    expect(deltaOf(OFFICE, '1.00').lineId).toBe(lineId(OFFICE));
  });
});
