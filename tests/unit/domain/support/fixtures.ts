/**
 * A small budget world for the specifications: 汾阳市行政审批服务管理局 (019001, 行政单位) with
 * a few lines and one project. Event builders compute line ids the way the domain does.
 */
import { lineId, type BudgetLineKey, type LineDelta } from '../../../../src/domain/budget/line';
import type { BudgetEvent, Project, TargetForm } from '../../../../src/domain/budget/events';

export const UNIT = '019001';
export const YEAR = 2024;
export const FINANCE = '财政局-张审批';
export const OFFICER = '单位-李会计';

type LineOverrides = Partial<BudgetLineKey>;

export function lineOf(overrides: LineOverrides = {}): BudgetLineKey {
  return {
    unitCode: UNIT,
    fiscalYear: YEAR,
    fundSource: 'general-public',
    functionalCode: '2010301',
    kind: 'personnel',
    deptEconCode: '30101',
    govEconCode: '50101',
    projectCode: null,
    origin: 'current',
    ...overrides,
  };
}

/** 基本工资 (personnel, 2010301 行政运行). */
export const WAGES = lineOf();
/** 办公费 (public). */
export const OFFICE = lineOf({ kind: 'public', deptEconCode: '30201', govEconCode: '50201' });
/** 差旅费 (public). */
export const TRAVEL = lineOf({ kind: 'public', deptEconCode: '30211', govEconCode: '50201' });
/** 公务用车运行维护费, a 三公 line (public). */
export const CAR_UPKEEP = lineOf({ kind: 'public', deptEconCode: '30231', govEconCode: '50208' });
/** 公务接待费, a 三公 line (public). */
export const RECEPTION = lineOf({ kind: 'public', deptEconCode: '30217', govEconCode: '50206' });
/** Project money: 购买政务大厅综合服务经费, 委托业务费 under 2010306 政务公开审批. */
export const PROJECT_CODE = 'P2024-005';
export const HALL_SERVICES = lineOf({
  functionalCode: '2010306',
  kind: 'project',
  deptEconCode: '30227',
  govEconCode: '50205',
  projectCode: PROJECT_CODE,
});
export const HALL_TRAINING = lineOf({
  functionalCode: '2010306',
  kind: 'project',
  deptEconCode: '30216',
  govEconCode: '50203',
  projectCode: PROJECT_CODE,
});

export const deltaOf = (line: BudgetLineKey, delta: string): LineDelta => ({
  lineId: lineId(line),
  line,
  delta,
});

export const opened = (): BudgetEvent => ({
  type: 'FiscalYearOpened',
  schemaVersion: 1,
  data: {
    unitCode: UNIT,
    fiscalYear: YEAR,
    unitName: '汾阳市行政审批服务管理局',
    unitKind: 'administrative',
    openedAt: '2024-01-05',
    priorYear: null,
  },
});

export const project = (): Project => ({
  code: PROJECT_CODE,
  name: '购买政务大厅综合服务经费',
  category: 'specific-goal',
  attribute: 'one-off',
  period: '1年',
  procurement: [{ category: 'services', amount: '3950600.00' }],
  implementingUnit: '汾阳市行政审批服务管理局',
});

export const projectRegistered = (): BudgetEvent => ({
  type: 'ProjectRegistered',
  schemaVersion: 1,
  data: { project: project(), registeredAt: '2024-01-11' },
});

export const allocated = (allocationId: string, lines: [BudgetLineKey, string][]): BudgetEvent => ({
  type: 'InitialBudgetAllocated',
  schemaVersion: 3,
  data: {
    allocationId,
    allocatedAt: '2024-01-11',
    documentNumber: null,
    lines: lines.map(([l, a]) => deltaOf(l, a)),
  },
});

export const submitted = (
  adjustmentId: string,
  adjustmentType: 'increase' | 'decrease' | 'transfer',
  lines: [BudgetLineKey, string][],
  submittedBy = OFFICER,
): BudgetEvent => ({
  type: 'AdjustmentSubmitted',
  schemaVersion: 3,
  data: {
    adjustmentId,
    adjustmentType,
    reason: '工作需要',
    documentNumber: '汾财预批（2024）12号',
    effectiveDate: '2024-06-01',
    submittedBy,
    submittedAt: '2024-05-20',
    lines: lines.map(([l, d]) => deltaOf(l, d)),
  },
});

export const approved = (
  adjustmentId: string,
  adjustmentType: 'increase' | 'decrease' | 'transfer',
  lines: [BudgetLineKey, string][],
): BudgetEvent => ({
  type: 'AdjustmentApproved',
  schemaVersion: 3,
  data: {
    adjustmentId,
    adjustmentType,
    documentNumber: '汾财预批（2024）12号',
    effectiveDate: '2024-06-01',
    approvedBy: FINANCE,
    approvedAt: '2024-05-28',
    lines: lines.map(([l, d]) => deltaOf(l, d)),
  },
});

/** The year opened, the project registered, and the initial budget on five lines. */
export const fundedYear = (): BudgetEvent[] => [
  opened(),
  projectRegistered(),
  allocated('alloc-1', [
    [WAGES, '475400.00'],
    [OFFICE, '22200.00'],
    [CAR_UPKEEP, '50000.00'],
    [HALL_SERVICES, '3950600.00'],
  ]),
];

export const closed = (): BudgetEvent => ({
  type: 'FiscalYearClosed',
  schemaVersion: 1,
  data: { closedAt: '2024-12-31', closedBy: FINANCE, carryForward: [] },
});

export const unitForm = (value = '≥96%'): TargetForm => ({
  goal: '优化营商环境,提高办事效率,提升政务服务水平,提升群众满意度',
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      level3: '预算金额',
      value: '=1256.36万元',
      annual: null,
    },
    { level1: '效益指标', level2: '经济效益指标', level3: null, value: null, annual: null },
    { level1: '满意度指标', level2: '服务对象满意度指标', level3: '满意度', value, annual: null },
  ],
  details: {},
});
