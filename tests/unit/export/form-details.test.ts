/**
 * A performance form's free-text fields as printed (HTML and PDF alike): each under its Chinese
 * label as the seed's forms print it, the finance system's stamp as a date and time, the funds
 * with separators, the task list spelled out — never a raw key or a JSON string.
 */
import { detailRows } from '../../../src/export/outline';

test('a project form of the seed: labels and values as a reader reads them', () => {
  const rows = detailRows({
    annualGoal: '优化营商环境',
    implementingUnit: '汾阳市行政审批服务管理局',
    department: '019-汾阳市行政审批服务管理局',
    attribute: '一次性项目(1年结束)',
    period: '1年',
    fundsTotal: '1456000',
    filledAt: '20240111112139',
    overview: null,
  });
  expect(rows).toEqual([
    ['年度目标', '优化营商环境'],
    ['实施单位', '汾阳市行政审批服务管理局'],
    ['主管部门及代码', '019-汾阳市行政审批服务管理局'],
    ['项目属性', '一次性项目(1年结束)'],
    ['项目期', '1年'],
    ['项目资金（元）', '1,456,000'],
    ['填报日期', '2024-01-11 11:21:39'],
  ]);
});

test('the unit form: staff counts and the key tasks', () => {
  const rows = detailRows({
    internalFunctionalDepartments: '12',
    authorizedStaff: '24人',
    keyTasks: JSON.stringify([{ coreFunction: '统筹推进行政审批改革', keyTask: '高效办成一件事' }]),
  });
  expect(rows).toEqual([
    ['内设职能部门数', '12'],
    ['核定的人员编制数', '24人'],
    ['年度重点任务', '核心职能：统筹推进行政审批改革；重点任务：高效办成一件事'],
  ]);
  for (const [label] of rows) expect(label).not.toMatch(/[a-z]/);
});

test('a value the formats do not recognise is printed as given', () => {
  expect(
    detailRows({ filledAt: '2024年1月', keyTasks: 'not json', fundsTotal: '约一百万' }),
  ).toEqual([
    ['填报日期', '2024年1月'],
    ['年度重点任务', 'not json'],
    ['项目资金（元）', '约一百万'],
  ]);
});
