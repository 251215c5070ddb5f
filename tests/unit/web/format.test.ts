/** The web workbench's own logic (web/src/format.ts): amounts typed and shown, lines named and searched, errors in Chinese. */
import {
  actorName,
  amountProblem,
  beijingTime,
  eventTypeName,
  joinPresent,
  positionProblem,
  stepBy,
  withBalance,
  directionsOf,
  errorText,
  groupBy,
  lineKeyOf,
  lineLabel,
  matchesLine,
  sep,
  signedDelta,
  tableNo,
  type LineView,
} from '../../../web/src/format';

const office: LineView = {
  functionalCode: '2010301',
  functionalName: '行政运行',
  deptEconCode: '30201',
  deptEconName: '办公费',
  govEconCode: '50201',
  govEconName: '办公经费',
  fundSource: 'general-public',
  fundSourceName: '一般公共预算',
  kind: 'public',
  projectCode: null,
  projectName: null,
};

describe('amounts', () => {
  test.each([
    ['1234567.8', '1,234,567.8'],
    ['-1234.56', '-1,234.56'],
    ['999', '999'],
    ['12345678901234567890.12', '12,345,678,901,234,567,890.12'],
  ])('sep(%s) = %s, digit for digit', (a, b) => expect(sep(a)).toBe(b));
  test('an empty cell shows nothing', () => {
    expect(sep(null)).toBe('');
    expect(sep('')).toBe('');
  });
  test.each([
    ['', '请输入金额'],
    ['abc', '金额须为元，最多两位小数'],
    ['1.234', '金额须为元，最多两位小数'],
    ['-5', '金额须为元，最多两位小数'],
    ['0', '金额须大于零'],
    ['0.00', '金额须大于零'],
    ['500', null],
    ['1,500.50', null],
    [' 0.01 ', null],
  ])('amountProblem(%j) = %j', (text, problem) => expect(amountProblem(text)).toBe(problem));
  test('an entry that lowers a line is a negative delta; separators go', () => {
    expect(signedDelta('down', '1,500.50')).toBe('-1500.50');
    expect(signedDelta('up', ' 500 ')).toBe('500');
  });
  test('追加 only raises, 追减 only lowers, 调剂 offers both', () => {
    expect(directionsOf('INCREASE')).toEqual(['up']);
    expect(directionsOf('DECREASE')).toEqual(['down']);
    expect(directionsOf('TRANSFER')).toEqual(['down', 'up']);
  });
});

describe('lines are named and found by codes and names, never by id', () => {
  test('label', () => {
    expect(lineLabel(office)).toBe('2010301 行政运行 · 30201 办公费 · 一般公共预算 · 公用经费');
    expect(
      lineLabel({ ...office, kind: 'project', projectCode: 'P05', projectName: '政务服务' }),
    ).toBe('2010301 行政运行 · 30201 办公费 · 一般公共预算 · P05 政务服务');
    expect(lineLabel(office)).not.toContain('|');
  });
  test.each([
    ['办公', true],
    ['30201 行政运行', true],
    ['一般公共 2010301', true],
    ['公用经费', true],
    ['30101', false],
    ['办公 人员经费', false],
    ['', true],
  ])('matchesLine(%j) = %s', (q, hit) => expect(matchesLine(office, q)).toBe(hit));
  test('the key sent to the API is the classifications', () => {
    expect(lineKeyOf(office)).toEqual({
      fundSource: 'general-public',
      functionalCode: '2010301',
      kind: 'public',
      deptEconCode: '30201',
      govEconCode: '50201',
      projectCode: null,
    });
  });
});

describe('errors and labels', () => {
  test("a rule's Chinese title is what the user reads", () => {
    expect(errorText('POLICY_VIOLATION', '调剂须增减相抵: the lines net to 100, not 0')).toBe(
      '调剂须增减相抵',
    );
    expect(errorText('FORBIDDEN', 'BUDGET_OFFICER may not act for unit 020001')).toBe(
      '当前身份无权进行此操作',
    );
    expect(errorText('SOMETHING_ELSE', 'boom')).toBe('服务出错，请稍后重试');
  });
  test('tables are numbered in Chinese', () => {
    expect(['t01', 'T05', 't10', 't13'].map(tableNo)).toEqual(['表一', '表五', '表十', '表十三']);
  });
  test('groupBy keeps first-seen order', () => {
    expect(groupBy(['t05a', 't01a', 't05b'], (s) => s.slice(0, 3))).toEqual([
      ['t05', ['t05a', 't05b']],
      ['t01', ['t01a']],
    ]);
  });
});

describe('the audit trail in the words of finance staff', () => {
  test('every event type the ledger records has a Chinese name', () => {
    // The types of src/domain: budget-year events, unit registration, reference codes.
    const types = [
      'BudgetUnitRegistered',
      'ReferenceCodesAdopted',
      'FiscalYearOpened',
      'ProjectRegistered',
      'InitialBudgetAllocated',
      'CarryOverRecorded',
      'AdjustmentSubmitted',
      'AdjustmentApproved',
      'AdjustmentRejected',
      'PerformanceTargetsSet',
      'PerformanceTargetsRevised',
      'PerformanceTargetsWithdrawn',
      'ProcurementBudgetRecorded',
      'StateAssetsRecorded',
      'DisclosurePublished',
      'FiscalYearClosed',
    ];
    for (const t of types) expect(eventTypeName(t)).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(eventTypeName('AdjustmentApproved')).toBe('调整批准');
    expect(eventTypeName('AdjustmentRejected')).toBe('调整驳回');
    expect(eventTypeName('SomethingNewer')).toBe('SomethingNewer');
  });
  test('an actor is named by its person, without the role code', () => {
    expect(actorName('budget_officer:张科员')).toBe('张科员');
    expect(actorName('finance_reviewer:李审核')).toBe('李审核');
    expect(actorName('reviewer:汾阳市财政局')).toBe('汾阳市财政局');
    expect(actorName(null)).toBe('');
    expect(stepBy({ actor: 'finance_reviewer:李审核', by: 'li.reviewer' })).toBe('李审核');
    expect(stepBy({ actor: null, by: 'li.reviewer' })).toBe('li.reviewer');
  });
  test('times are Beijing time (UTC+8)', () => {
    expect(beijingTime('2026-12-03T18:35:13.115Z')).toBe('2026-12-04 02:35:13');
    expect(beijingTime(null)).toBe('');
  });
  test('a missing part leaves no empty "· ·"', () => {
    expect(joinPresent(['调整批准', null, '李审核', ''])).toBe('调整批准 · 李审核');
  });
  test('a ledger position is a non-negative integer', () => {
    expect(positionProblem('abc')).toBe('账本位置须为非负整数');
    expect(positionProblem('-1')).toBe('账本位置须为非负整数');
    expect(positionProblem('1.5')).toBe('账本位置须为非负整数');
    expect(positionProblem(' 96 ')).toBeNull();
  });
  test('a negative balance names the balance when it is known', () => {
    expect(withBalance('预算行余额不得为负', '1000.00')).toBe(
      '预算行余额不得为负（当前余额 1,000.00 元）',
    );
    expect(withBalance('预算行余额不得为负', undefined)).toBe('预算行余额不得为负');
  });
});
