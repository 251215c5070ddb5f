/** Specs of the builder's rules on small hand-made facts: rounding per cell, empty tables, the
 * explanation's wording, the 机关运行经费 scope rule, the consistency report and CSV quoting. */
import { shippedReference, type BudgetLineKey } from '../../../src/domain';
import {
  buildDisclosure,
  checkDisclosure,
  checkFigures,
  csvField,
  figuresOf,
  renderCsv,
  renderJson,
  type BuildOptions,
  type DisclosureFacts,
} from '../../../src/domain/disclosure';
import { fenyangDisclosure } from './fenyang-fixture';

const ref = shippedReference(2024);
const key = (over: Partial<BudgetLineKey>): BudgetLineKey => ({
  unitCode: 'A',
  fiscalYear: 2024,
  fundSource: 'general-public',
  functionalCode: '2010301',
  kind: 'public',
  deptEconCode: '30201',
  govEconCode: '50201',
  projectCode: null,
  origin: 'current',
  ...over,
});

function facts(
  lines: [Partial<BudgetLineKey>, string][],
  over: Partial<DisclosureFacts> = {},
): DisclosureFacts {
  return {
    fiscalYear: 2024,
    department: { code: '900', name: '测试局' },
    units: [
      { code: 'A', name: '测试局', kind: 'administrative' },
      { code: 'B', name: '测试中心', kind: 'institution' },
    ],
    lines: lines.map(([k, amount]) => ({ line: key(k), amount })),
    projects: [],
    priorYear: null,
    performanceForms: [],
    procurement: null,
    assets: null,
    ...over,
  };
}
const build = (f: DisclosureFacts, o: Partial<BuildOptions> = {}) =>
  buildDisclosure(f, ref, { moneyUnit: 'wan-yuan', ...o });
const prior = (total: string, agency: string) => ({
  fiscalYear: 2023,
  total,
  sanGong: {
    overseasTravel: '0.00',
    officialReception: '0.00',
    vehiclePurchase: '0.00',
    vehicleOperation: '0.00',
  },
  agencyOperatingExpenses: agency,
  source: null,
});

describe('rounding: once per cell, on the exact yuan sum', () => {
  // Three 项 of 0.004万元 each: every 项 prints 0.00 (not empty: it has money), their 款 prints 0.01.
  const d = build(
    facts([
      [{ functionalCode: '2010301' }, '40.00'],
      [{ functionalCode: '2010302' }, '40.00'],
      [{ functionalCode: '2010303' }, '45.00'],
    ]),
  );
  const t3 = d.tables.t03;

  it('prints each 项 from its own sum and the 款 from the exact sum, not from the rounded 项', () => {
    expect(t3.rows.filter((r) => r.level === 3).map((r) => r.cells.total)).toEqual([
      '0.00',
      '0.00',
      '0.00',
    ]);
    expect(t3.rows.find((r) => r.code === '20103')?.cells.total).toBe('0.01');
  });

  it('reports the difference between a total and its rounded parts as rounding, not inconsistency', () => {
    const f = checkDisclosure(d).findings.find(
      (x) => x.ruleId === 't03.hierarchy' && x.cells[0]!.row === '20103',
    );
    expect(f).toMatchObject({ kind: 'rounding', published: '0.01', computed: '0' });
  });

  it('in yuan the cells are exact with 2 decimals', () => {
    expect(build(facts([[{}, '40']]), { moneyUnit: 'yuan' }).tables.t03.rows[0]?.cells.total).toBe(
      '40.00',
    );
  });
});

describe('empty tables', () => {
  const d = build(facts([[{}, '100.00']]));
  it.each(['t07', 't08', 't09', 't13'] as const)('%s is printed with its note 本表无数据', (id) =>
    expect(d.tables[id].note).toBe('本表无数据'),
  );
  it('tables 1 and 4 list all 30 类 even when empty, with empty cells as null', () => {
    for (const id of ['t01', 't04'] as const) {
      const classes = d.tables[id].rows.filter((r) => r.code !== null);
      expect(classes).toHaveLength(30);
      expect(classes[1]?.cells.expenditureItem).toBe('二、外交支出');
      expect(classes[1]?.cells[id === 't04' ? 'subtotal' : 'total']).toBeNull();
    }
  });
  it('a table with data has no note', () => expect(d.tables.t03.note).toBeNull());
});

describe('单位资金 by kind (事业收入, 事业单位经营收入, 其他收入) in the 13-table layout', () => {
  // Given lines of 单位资金 of each kind and of none, when the tables are built,
  // then every table that prints 单位资金 counts them all there, and none of it as 财政拨款.
  const d = build(
    facts([
      [{}, '10000.00'],
      [{ fundSource: 'business-income' }, '2000.00'],
      [
        {
          fundSource: 'operating-income',
          kind: 'personnel',
          deptEconCode: '30101',
          govEconCode: '50101',
        },
        '300.00',
      ],
      [{ fundSource: 'other-income' }, '40.00'],
      [{ fundSource: 'unit-funds' }, '5.00'],
    ]),
    { moneyUnit: 'yuan' },
  );
  it('table 2 prints them in the 单位资金 column, beside 一般公共预算', () => {
    const total = d.tables.t02.rows.find((r) => r.role === 'total')!;
    expect(total.cells.unitFunds).toBe('2345.00');
    expect(total.cells.generalPublicBudget).toBe('10000.00');
    expect(total.cells.total).toBe('12345.00');
  });
  it('table 1 prints them on its 单位资金 revenue row, and table 4 (财政拨款) leaves them out', () => {
    expect(d.tables.t01.rows.find((r) => r.key === 'revenue.unit-funds')?.cells.revenueAmount).toBe(
      '2345.00',
    );
    expect(d.tables.t04.rows.find((r) => r.role === 'total')?.cells.revenueAmount).toBe('10000.00');
  });
});

describe('explanation wording: 增加/增长, 减少/下降, 持平', () => {
  const sentence = (now: string, before: string) =>
    build(facts([[{}, now]], { priorYear: prior(before, '0.00') })).explanation;
  it('增加 … 增长', () =>
    expect(sentence('12000.00', '10000.00').changes.text).toContain(
      '比上年增加0.20万元，增长20.00%',
    ));
  it('减少 … 下降', () =>
    expect(sentence('8000.00', '10000.00').changes.text).toContain(
      '比上年减少0.20万元，下降20.00%',
    ));
  it('持平', () => expect(sentence('10000.00', '10000.00').changes.text).toContain('与上年持平'));
  it('no prior year: no comparison at all', () =>
    expect(build(facts([[{}, '100.00']])).explanation.changes.text).not.toContain('比上年'));
});

describe('机关运行经费 scope rule (table 11, explanation 八)', () => {
  const f = facts([
    [{ unitCode: 'A' }, '20000.00'],
    [{ unitCode: 'B', functionalCode: '2010350', govEconCode: '50502' }, '5000.00'],
  ]);
  it('Shanxi 2024 policy data counts every unit (reproduces the seed) and prints one 部门 row', () => {
    const d = build(f);
    expect(d.agencyOperatingRule).toMatchObject({ scope: 'all-units', rows: 'department' });
    expect(d.tables.t11.rows.map((r) => [r.cells.unitName, r.cells.total])).toEqual([
      ['部门合计', '2.50'],
      ['测试局', '2.50'],
    ]);
  });
  it('the national definition counts 行政单位 and 参公事业单位 only', () => {
    const d = build(f, {
      agencyOperating: { scope: 'admin-and-civil-service-managed', rows: 'per-unit' },
    });
    expect(d.tables.t11.rows.map((r) => [r.cells.unitName, r.cells.total])).toEqual([
      ['部门合计', '2.00'],
      ['测试局', '2.00'],
    ]);
    expect(d.explanation.agencyOperatingExpenses.amount).toBe('2.00');
    expect(d.agencyOperatingRule.source).toContain('overridden');
  });
});

describe('机关运行经费 by a year whose definition lists its 款 and counts projects (2017)', () => {
  const project = {
    code: 'P1',
    name: '会务保障',
    category: 'specific-goal' as const,
    attribute: 'recurring' as const,
    period: '1年',
    procurement: [],
    unitCode: 'A',
  };
  const lines: [Partial<BudgetLineKey>, string][] = [
    [{ deptEconCode: '30201' }, '20000.00'],
    [{ deptEconCode: '30216', govEconCode: '50203' }, '5000.00'],
    [
      { kind: 'project', projectCode: 'P1', deptEconCode: '30215', govEconCode: '50202' },
      '10000.00',
    ],
    [
      { kind: 'project', projectCode: 'P1', deptEconCode: '30227', govEconCode: '50205' },
      '30000.00',
    ],
    [{ unitCode: 'B', functionalCode: '2010350', govEconCode: '50502' }, '1000.00'],
  ];
  const at = (year: number) =>
    buildDisclosure(
      facts(
        lines.map(([k, a]) => [{ ...k, fiscalYear: year }, a]),
        { fiscalYear: year, projects: [project] },
      ),
      shippedReference(year),
      { moneyUnit: 'wan-yuan' },
    );
  it('given 2017, a project’s 会议费 counts, its 委托业务费 and basic 培训费 do not, nor a 事业单位', () => {
    const d = at(2017);
    expect(d.agencyOperatingRule).toMatchObject({ includesProjects: true });
    expect(d.agencyOperatingRule.deptEconCodes).toContain('30215');
    expect(d.tables.t11.rows[0]!.cells.total).toBe('3.00');
    expect(d.explanation.agencyOperatingExpenses.amount).toBe('3.00');
  });
  it('given 2024 (Shanxi), the whole basic 公用经费 of every unit counts, and no project money', () => {
    const d = at(2024);
    expect(d.agencyOperatingRule).toMatchObject({ includesProjects: false, deptEconCodes: null });
    expect(d.tables.t11.rows[0]!.cells.total).toBe('2.60');
  });
});

describe('consistency report on a document as published', () => {
  it('finds the seed explanation’s 机关运行经费 25.62 (table 11: 24.53) and its inconsistent percentage', () => {
    const set = figuresOf(fenyangDisclosure());
    const published = {
      ...set,
      narrative: { ...set.narrative, 'agencyOperating.amount': '25.62' },
    };
    const bad = checkFigures(published)
      .findings.filter((x) => x.kind === 'inconsistency')
      .map((x) => [x.ruleId, x.published, x.computed]);
    expect(bad).toEqual([
      ['narrative.agencyOperating.amount', '25.62', '24.53'],
      ['narrative.agencyOperating.percent', '4.25', '4.080869'],
    ]);
  });
  it('finds a table cell that does not add up', () => {
    const set = figuresOf(fenyangDisclosure());
    const t3 = set.tables.find((t) => t.id === 't03')!;
    t3.rows[0]!.cells[2] = '1257.36';
    expect(
      checkFigures(set).findings.some(
        (x) => x.kind === 'inconsistency' && x.ruleId === 't03.basic+project',
      ),
    ).toBe(true);
  });
});

describe('renderers', () => {
  it('quotes RFC 4180 fields only when needed', () => {
    expect([
      csvField('a'),
      csvField(null),
      csvField('a,b'),
      csvField('say "hi"'),
      csvField('x\ny'),
    ]).toEqual(['a', '', '"a,b"', '"say ""hi"""', '"x\ny"']);
  });
  it('writes 13 CSV files with the published column titles and rows in published order', () => {
    const files = renderCsv(fenyangDisclosure());
    expect(Object.keys(files)).toHaveLength(13);
    expect(files['t03.csv']!.split('\r\n').slice(0, 3)).toEqual([
      '科目编码,科目名称,合计,基本支出,项目支出',
      ',合计,1256.36,229.24,1027.12',
      '201,一般公共服务支出,1194.16,167.04,1027.12',
    ]);
    expect(files['t12.csv']).toContain(
      '（社会团体、民办非企业单位）离任审计、注销清算报告专项工作经费,16.50,16.50,,,,',
    );
  });
  it('renders one JSON object with tables, explanation, forms and the report', () => {
    const d = fenyangDisclosure();
    const json = renderJson(d, checkDisclosure(d));
    expect(json.tables).toHaveLength(13);
    expect(json.performanceForms.projects).toHaveLength(11);
    expect(json.performanceForms.projects.find((p) => p.projectCode === 'P09')?.fundsYuan).toBe(
      '753249.60',
    );
    expect(json.consistency.inconsistencies).toBe(0);
  });
});
