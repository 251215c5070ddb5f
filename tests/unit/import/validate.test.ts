import {
  foldBudget,
  ReferenceLists,
  shippedReference,
  type BudgetEvent,
  type BudgetState,
} from '../../../src/domain';
import { parseCsvSheet } from '../../../src/import/csv';
import { dryRun, planCommands } from '../../../src/import/plan';
import { validateSheet, type UnitTarget } from '../../../src/import/validate';

const ref = shippedReference(2024);
const opened = (unitCode: string, unitKind: BudgetState['unitKind']): BudgetState =>
  foldBudget([
    {
      type: 'FiscalYearOpened',
      schemaVersion: 1,
      data: {
        unitCode,
        fiscalYear: 2024,
        unitName: unitCode,
        unitKind,
        openedAt: '2024-01-01',
        priorYear: null,
      },
    },
    {
      type: 'ProjectRegistered',
      schemaVersion: 1,
      data: {
        project: {
          code: 'P01',
          name: 'p',
          category: 'specific-goal',
          attribute: 'one-off',
          period: '1年',
          procurement: [],
          implementingUnit: null,
        },
        registeredAt: '2024-01-01',
      },
    },
  ] as BudgetEvent[]);

const units = new Map<string, UnitTarget>([
  ['A1', { ok: true, state: opened('A1', 'administrative') }],
  ['I1', { ok: true, state: opened('I1', 'institution') }],
  ['X', { ok: false, ruleId: 'year.not-open', message: 'unit X has not opened 2024' }],
]);
const HEAD =
  'unit_code,fiscal_year,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,project_code,origin,amount';
const check = (lines: string[], kind: 'allocation' | 'adjustments' = 'allocation', head = HEAD) =>
  validateSheet(parseCsvSheet([head, ...lines].join('\n'), kind), {
    kind,
    unitCode: 'A1',
    fiscalYear: 2024,
    reference: ref,
    units,
  });

describe('validateSheet', () => {
  test('valid lines by unit; blank unit and year take --unit and --year; blank origin is current', () => {
    const v = check([
      ',,general-public,2010301,personnel,30101,50101,,,100',
      'I1,2024,单位资金,2010301,项目支出,30201,50502,P01,当年预算,0.5',
    ]);
    expect(v.errors).toEqual([]);
    expect(v.allocations.get('A1')!.map((l) => [l.line, l.lineId, l.amount])).toEqual([
      [2, 'A1|2024|general-public|2010301|personnel|30101|50101|-|current', '100.00'],
    ]);
    expect(v.allocations.get('I1')!.map((l) => l.key.projectCode)).toEqual(['P01']);
  });

  test('单位资金 by kind is taken by its published names (事业收入, 事业单位经营收入/经营收入, 其他收入) and kept apart', () => {
    const v = check([
      'I1,2024,事业收入,2010301,项目支出,30201,50502,P01,,1',
      'I1,2024,事业单位经营收入,2010301,public,30201,50502,,,2',
      'I1,2024,经营收入,2010301,public,30202,50502,,,3',
      'I1,2024,其他收入,2010301,public,30201,50502,,,4',
    ]);
    expect(v.errors).toEqual([]);
    expect(v.allocations.get('I1')!.map((l) => l.key.fundSource)).toEqual([
      'business-income',
      'operating-income',
      'operating-income',
      'other-income',
    ]);
  });

  test('every line is checked: codes, levels, mapping, projects, money, year; a unit problem is reported once', () => {
    const v = check([
      'A1,2024,general-public,201,personnel,30101,50101,,,100', // 类, not 项
      'A1,2024,general-public,2010301,personnel,30101,50501,,,100', // 505 is an institution's code
      'A1,2024,general-public,2010301,project,30201,50201,P99,,100', // project not registered
      'A1,2024,general-public,2010301,public,30201,50201,,,1.001',
      'A1,2023,general-public,2010301,public,30201,50201,,,1',
      'X,2024,general-public,2010301,public,30201,50201,,,1',
      'X,2024,general-public,2010301,public,30202,50201,,,1',
      'A1,2024,gov,2010301,public,30201,50201,,,1',
    ]);
    expect(v.errors.map((e) => [e.line, e.column, e.ruleId])).toEqual([
      [2, 'functional_code', 'code.wrong-level'],
      [3, 'gov_econ_code', 'policy.economic-mapping'],
      [4, 'project_code', 'project.unknown'],
      [5, 'amount', 'money.format'],
      [6, 'fiscal_year', 'line.unit-or-year-mismatch'],
      [7, 'unit_code', 'year.not-open'],
      [9, 'fund_source', 'input.invalid'],
    ]);
    expect(v.errors[5]!.message).toContain('and 1 more line');
  });

  test("adjustments: header fields on any line of a batch, conflicting ones refused; the dry run applies the domain's rules", () => {
    const head = `adjustment_id,adjustment_type,document_number,reason,effective_date,${HEAD.replace('amount', 'delta')}`;
    const v = check(
      [
        'T1,transfer,文1,r,2024-07-01,A1,2024,general-public,2010301,public,30201,50201,,,-10',
        'T1,,,,,A1,2024,general-public,2010301,public,30202,50201,,,10',
        'T2,decrease,文2,r,2024-07-01,A1,2024,general-public,2010301,public,30201,50201,,,-5',
        'T2,increase,,,,A1,2024,general-public,2010301,public,30202,50201,,,-5',
      ],
      'adjustments',
      head,
    );
    expect(v.errors.map((e) => [e.line, e.ruleId])).toEqual([[5, 'import.adjustment-mismatch']]);
    const ok = check(
      [
        'T1,transfer,文1,r,2024-07-01,A1,2024,general-public,2010301,public,30201,50201,,,-10',
        'T1,,,,,A1,2024,general-public,2010301,public,30202,50201,,,10',
      ],
      'adjustments',
      head,
    );
    expect(ok.errors).toEqual([]);
    const planned = planCommands(ok, { sha256: 'f'.repeat(64), date: '2024-06-30', actor: 'me' });
    expect(planned.map((p) => [p.command.type, p.idempotencyKey])).toEqual([
      ['SubmitAdjustment', `import:${'f'.repeat(64)}:A1:adjustment:T1`],
    ]);
    // Nothing is on these lines yet: taking 10 away would leave a line below zero.
    const states = new Map(
      [...units].filter(([, t]) => t.ok).map(([k, t]) => [k, (t as { state: BudgetState }).state]),
    );
    expect(
      dryRun(planned, states, ReferenceLists.shipped()).map((e) => [e.line, e.ruleId]),
    ).toEqual([[2, 'line.non-negative']]);
  });

  test('allocations are planned per unit in chunks with ids and keys from the file hash', () => {
    const lines = Array.from(
      { length: 5 },
      (_, i) =>
        `A1,2024,general-public,${['2010301', '2010302', '2010350', '2010399', '2010601'][i]},public,30201,50201,,,1`,
    );
    const v = check([...lines, 'A1,2024,general-public,2010301,public,30201,50201,,上年结转,7']);
    expect(v.errors).toEqual([]);
    const planned = planCommands(v, {
      sha256: 'abcdef0123456789'.repeat(4),
      date: '2024-01-31',
      actor: 'me',
      chunkLines: 2,
    });
    expect(
      planned.map((p) => [
        p.command.type,
        (p.command.data as { allocationId?: string; carryOverId?: string }).allocationId ??
          (p.command.data as { carryOverId: string }).carryOverId,
        p.lineCount,
      ]),
    ).toEqual([
      ['AllocateInitialBudget', 'import-abcdef012345-1', 2],
      ['AllocateInitialBudget', 'import-abcdef012345-2', 2],
      ['AllocateInitialBudget', 'import-abcdef012345-3', 1],
      ['RecordCarryOver', 'import-abcdef012345-carry-over', 1],
    ]);
    const states = new Map([['A1', (units.get('A1') as { state: BudgetState }).state]]);
    expect(dryRun(planned, states, ReferenceLists.shipped())).toEqual([]);
  });
});
