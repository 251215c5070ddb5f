/** 绩效目标: the whole-unit form and one form per project; set, revised with a reason, withdrawn. */
import {
  ReferenceLists,
  decide,
  evolve,
  initialBudgetState,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
  type TargetForm,
} from '../../../src/domain';
import { refusedBy, specification } from './support/spec';
import { OFFICER, PROJECT_CODE, fundedYear, unitForm } from './support/fixtures';

/** The shipped reference lists: these specifications adopt no codes. */
const SHIPPED = ReferenceLists.shipped();

const given = specification<BudgetCommand, BudgetEvent, BudgetState>({
  decide: (c, s) => decide(c, s, SHIPPED),
  evolve,
  initialState: initialBudgetState,
});

const set = (
  scope: 'unit' | 'project',
  projectCode: string | null,
  form: TargetForm = unitForm(),
): BudgetCommand => ({
  type: 'SetPerformanceTargets',
  data: { scope, projectCode, form, setBy: OFFICER, setAt: '2024-01-11' },
});
const revise = (formId: string, form: TargetForm = unitForm('≥98%')): BudgetCommand => ({
  type: 'RevisePerformanceTargets',
  data: { formId, form, reason: '省级考核要求提高', revisedBy: OFFICER, revisedAt: '2024-07-01' },
});
const withdraw = (formId: string): BudgetCommand => ({
  type: 'WithdrawPerformanceTargets',
  data: { formId, reason: '项目取消', withdrawnBy: OFFICER, withdrawnAt: '2024-08-01' },
});

const unitSet: BudgetEvent = {
  type: 'PerformanceTargetsSet',
  schemaVersion: 1,
  data: {
    formId: 'unit',
    scope: 'unit',
    projectCode: null,
    form: unitForm(),
    setBy: OFFICER,
    setAt: '2024-01-11',
  },
};
const projectForm: TargetForm = {
  goal: '给办事群众提供多样化的办事选择途径',
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      level3: '智慧政务自助服务一体机',
      value: '14套',
      annual: { level2: '数量指标', level3: '智慧政务自助服', value: '14套' },
    },
  ],
  details: { overview: '推动镇(街道)7*24小时政务服务专区建设工作', basis: '市委市政府批示' },
};

describe('setting performance targets (设定绩效目标)', () => {
  it('sets the whole-unit form with its indicator tree (一级/二级/三级 and value)', () => {
    given(fundedYear()).when(set('unit', null)).then([unitSet]);
  });

  it('sets a project’s form, keyed by the project', () => {
    given(fundedYear())
      .when(set('project', PROJECT_CODE, projectForm))
      .then([
        {
          type: 'PerformanceTargetsSet',
          schemaVersion: 1,
          data: {
            formId: `project:${PROJECT_CODE}`,
            scope: 'project',
            projectCode: PROJECT_CODE,
            form: projectForm,
            setBy: OFFICER,
            setAt: '2024-01-11',
          },
        },
      ]);
  });

  it('refuses a form for a project that is not registered', () => {
    given(fundedYear())
      .when(set('project', 'P-none'))
      .then(refusedBy('project.unknown', {}, 'NOT_FOUND'));
  });

  it('refuses an unknown 一级指标 and a form without indicators', () => {
    const bad = {
      ...unitForm(),
      indicators: [{ level1: '其他指标', level2: null, level3: null, value: null, annual: null }],
    };
    given(fundedYear())
      .when(set('unit', null, bad))
      .then(refusedBy('input.invalid', { field: 'form.indicators[0]' }));
    given(fundedYear())
      .when(set('unit', null, { ...unitForm(), indicators: [] }))
      .then(refusedBy('input.invalid', { field: 'form.indicators' }));
  });

  it('sets a form once; later changes are revisions', () => {
    given([...fundedYear(), unitSet])
      .when(set('unit', null))
      .then(refusedBy('targets.already-set'));
  });
});

describe('revising and withdrawing targets (修订, 撤回)', () => {
  it('a revision replaces the indicators, is numbered, and says why', () => {
    given([...fundedYear(), unitSet])
      .when(revise('unit'))
      .then([
        {
          type: 'PerformanceTargetsRevised',
          schemaVersion: 1,
          data: {
            formId: 'unit',
            revision: 1,
            form: unitForm('≥98%'),
            reason: '省级考核要求提高',
            revisedBy: OFFICER,
            revisedAt: '2024-07-01',
          },
        },
      ]);
  });

  it('a revision without a reason is refused', () => {
    const command = revise('unit');
    given([...fundedYear(), unitSet])
      .when({ ...command, data: { ...command.data, reason: '' } } as BudgetCommand)
      .then(refusedBy('input.invalid', { field: 'reason' }));
  });

  it('the second revision is number 2', () => {
    const first: BudgetEvent = {
      type: 'PerformanceTargetsRevised',
      schemaVersion: 1,
      data: {
        formId: 'unit',
        revision: 1,
        form: unitForm('≥97%'),
        reason: 'r',
        revisedBy: OFFICER,
        revisedAt: '2024-06-01',
      },
    };
    given([...fundedYear(), unitSet, first])
      .when(revise('unit'))
      .thenEvents((events) => expect(events[0]).toMatchObject({ data: { revision: 2 } }));
  });

  it('withdraws a form, after which it cannot be revised or withdrawn again', () => {
    const withdrawn: BudgetEvent = {
      type: 'PerformanceTargetsWithdrawn',
      schemaVersion: 1,
      data: { formId: 'unit', reason: '项目取消', withdrawnBy: OFFICER, withdrawnAt: '2024-08-01' },
    };
    given([...fundedYear(), unitSet])
      .when(withdraw('unit'))
      .then([withdrawn]);
    given([...fundedYear(), unitSet, withdrawn])
      .when(revise('unit'))
      .then(refusedBy('targets.withdrawn'));
    given([...fundedYear(), unitSet, withdrawn])
      .when(withdraw('unit'))
      .then(refusedBy('targets.withdrawn'));
  });

  it('a withdrawn form may be set afresh', () => {
    const withdrawn: BudgetEvent = {
      type: 'PerformanceTargetsWithdrawn',
      schemaVersion: 1,
      data: { formId: 'unit', reason: 'r', withdrawnBy: OFFICER, withdrawnAt: '2024-08-01' },
    };
    given([...fundedYear(), unitSet, withdrawn])
      .when(set('unit', null))
      .then([unitSet]);
  });

  it('revising a form that was never set is refused', () => {
    given(fundedYear())
      .when(revise('unit'))
      .then(refusedBy('targets.unknown', {}, 'NOT_FOUND'));
  });
});
