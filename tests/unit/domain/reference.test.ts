/**
 * Reference data per fiscal year: classifications as the seed prints them, and the policy rule set.
 */
import {
  FUND_SOURCES,
  fundSourceGroup,
  fundSourcesUnder,
  ReferenceLists,
  shippedReference,
  shippedYears,
} from '../../../src/domain';

const ref = shippedReference(2024);

describe('2024 functional classification (支出功能分类)', () => {
  it('has all 30 类 in the order table 1 prints them', () => {
    const lei = ref.functionalCategories();
    expect(lei).toHaveLength(30);
    expect(lei[0]).toMatchObject({ code: '201', name: '一般公共服务支出' });
    expect(lei[14]).toMatchObject({ code: '215', name: '资源勘探工业信息等支出' });
    expect(lei[29]).toMatchObject({ code: '234', name: '抗疫特别国债安排的支出' });
  });

  it('has every 款 and 项 the seed prints, with the seed names', () => {
    const seed: Record<string, string> = {
      '20103': '政府办公厅（室）及相关机构事务',
      '2010301': '行政运行',
      '2010306': '政务公开审批',
      '2010350': '事业运行',
      '20805': '行政事业单位养老支出',
      '2080501': '行政单位离退休',
      '2080505': '机关事业单位基本养老保险缴费支出',
      '2080506': '机关事业单位职业年金缴费支出',
      '21011': '行政事业单位医疗',
      '2101101': '行政单位医疗',
      '2101102': '事业单位医疗',
      '2101103': '公务员医疗补助',
      '22102': '住房改革支出',
      '2210201': '住房公积金',
    };
    for (const [code, name] of Object.entries(seed))
      expect(ref.name('functional', code)).toBe(name);
  });

  it('keeps where every code was seen', () => {
    for (const entry of ref.data.functional.entries) expect(entry.source.length).toBeGreaterThan(0);
    expect(ref.entry('functional', '2010301')?.seed).toContain('t02');
  });

  it('lists the 项 under a 款', () => {
    expect(ref.children('functional', '20103').map((e) => e.code)).toContain('2010306');
  });
});

describe('2024 economic classifications (经济分类)', () => {
  it('knows the department 款 the seed prints in table 6', () => {
    expect(ref.name('departmentEconomic', '30239')).toBe('其他交通费用');
    expect(ref.name('departmentEconomic', '30231')).toBe('公务用车运行维护费');
  });

  it('maps a department code to government codes by unit kind', () => {
    expect(ref.governmentCodesFor('30101', 'administrative')).toEqual(['50101']);
    expect(ref.governmentCodesFor('30101', 'civil-service-managed')).toEqual(['50101']);
    expect(ref.governmentCodesFor('30101', 'institution')).toEqual(['50501']);
    expect(ref.governmentCodesFor('31001', 'administrative')).toEqual(['50401', '50301']);
    expect(ref.governmentCodesFor('39999', 'administrative')).toBeNull();
  });

  it('lists the five fund sources, three of them 财政拨款', () => {
    expect(ref.data.fundSources.map((f) => f.name)).toEqual([
      '一般公共预算',
      '政府性基金预算',
      '国有资本经营预算',
      '财政专户管理资金',
      '单位资金',
    ]);
    expect(ref.data.fundSources.filter((f) => f.fiscalAppropriation).map((f) => f.id)).toEqual([
      'general-public',
      'government-fund',
      'state-capital',
    ]);
  });

  it('lists 单位资金 by kind — 事业收入, 事业单位经营收入, 其他收入 — each counted under 单位资金, none 财政拨款', () => {
    expect(ref.data.unitFundsKinds.map((k) => [k.id, k.name])).toEqual([
      ['business-income', '事业收入'],
      ['operating-income', '事业单位经营收入'],
      ['other-income', '其他收入'],
    ]);
    expect(shippedReference(2025).data.unitFundsKinds.map((k) => k.id)).toEqual(
      ref.data.unitFundsKinds.map((k) => k.id),
    );
    expect(ref.data.unitFundsKinds.map((k) => fundSourceGroup(k.id as 'business-income'))).toEqual([
      'unit-funds',
      'unit-funds',
      'unit-funds',
    ]);
    expect(ref.fundSource('operating-income')).toMatchObject({
      name: '事业单位经营收入',
      fiscalAppropriation: false,
    });
    // every fund source a line may carry is one of the five or a kind of 单位资金, grouped under one of
    // the five
    for (const s of FUND_SOURCES)
      expect(ref.data.fundSources.map((f) => f.id)).toContain(fundSourceGroup(s));
    expect(fundSourcesUnder(['unit-funds', 'general-public']).sort()).toEqual([
      'business-income',
      'general-public',
      'operating-income',
      'other-income',
      'unit-funds',
    ]);
    expect(fundSourcesUnder(['business-income'])).toEqual(['business-income']);
  });
});

describe('reference data is loaded per fiscal year', () => {
  it('refuses a year it has no lists for', () => {
    expect(() => shippedReference(1999)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: expect.objectContaining({ ruleId: 'reference.year-unknown' }),
      }) as Error,
    );
  });

  it('lists the shipped years', () => {
    const every = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
    expect(shippedYears()).toEqual(every);
    expect(ReferenceLists.shipped().years()).toEqual(every);
    expect(ReferenceLists.shipped([2025]).years()).toEqual([2025]);
  });

  it('every year from 2019 on calls 210 卫生健康支出 and still knows it by its former name', () => {
    for (const year of shippedYears().filter((y) => y >= 2019)) {
      const lists = shippedReference(year);
      expect(lists.name('functional', '210')).toBe('卫生健康支出');
      expect(lists.codeNamed('functional', '医疗卫生与计划生育支出', (c) => c.length === 3)).toBe(
        '210',
      );
      expect(lists.formerName('functional', '210')).toBe('医疗卫生与计划生育支出');
      // Codes first: the name in force wins over a former name of another code.
      expect(lists.codeNamed('functional', '社会保障和就业支出', (c) => c.length === 3)).toBe(
        '208',
      );
      expect(lists.codeNamed('functional', '行政事业单位离退休', (c) => c.length === 5)).toBe(
        '20805',
      );
    }
  });

  it('before 2019, 210 is 医疗卫生与计划生育支出 and 20805 行政事业单位离退休 (renames.json)', () => {
    for (const year of [2017, 2018]) {
      const lists = shippedReference(year);
      expect(lists.name('functional', '210')).toBe('医疗卫生与计划生育支出');
      expect(lists.name('functional', '20805')).toBe('行政事业单位离退休');
      expect(lists.codeNamed('functional', '医疗卫生与计划生育支出', (c) => c.length === 3)).toBe(
        '210',
      );
      expect(lists.entry('functional', '234')).toBeUndefined();
    }
  });

  it('a derived year keeps only the codes in force then: 234 (抗疫特别国债) arrives in 2020', () => {
    expect(shippedReference(2019).entry('functional', '234')).toBeUndefined();
    expect(shippedReference(2020).name('functional', '234')).toBe('抗疫特别国债安排的支出');
    const policy2025 = shippedReference(2025).data.policy;
    expect(shippedReference(2026).data.policy).toEqual({
      ...policy2025,
      fiscalYear: 2026,
      description: policy2025.description?.replace('fiscal year 2025', 'fiscal year 2026'),
    });
  });

  it("a year's lists are the shipped data and its adopted codes: rebuilt from those, they are the same", () => {
    const code = (c: string, name: string, level: '款' | '项') => ({
      classification: 'functional' as const,
      code: c,
      name,
      level,
      source: `test ${c}`,
    });
    const lists = ReferenceLists.shipped()
      .withAdoptedCodes(2025, [code('20199', '其他一般公共服务支出', '款')])
      .withAdoptedCodes(2025, [
        code('2019999', '其他一般公共服务支出', '项'),
        code('20199', '其他一般公共服务支出', '款'),
        code('2010699', '其他财政事务支出', '项'),
      ]);
    expect(lists.adoptedCodes(2025).map((c) => c.code)).toEqual(['20199', '2019999', '2010699']);
    const rebuilt = ReferenceLists.shipped([2025]).withAdoptedCodes(2025, lists.adoptedCodes(2025));
    expect(rebuilt.index(2025).data).toEqual(lists.index(2025).data);
  });

  it('is a value: adopting codes makes new lists and leaves the old ones as they were', () => {
    const lists = ReferenceLists.shipped();
    const code = {
      classification: 'functional' as const,
      code: '2010398',
      name: '事业运行',
      level: '项' as const,
      source: 'test',
    };
    const adopted = lists.withAdoptedCodes(2024, [code]);
    expect(adopted.index(2024).name('functional', '2010398')).toBe('事业运行');
    expect(lists.index(2024).entry('functional', '2010398')).toBeUndefined();
    expect(ReferenceLists.shipped().index(2024).entry('functional', '2010398')).toBeUndefined();
    expect(adopted.withAdoptedCodes(2024, [code])).toBe(adopted);
    expect(adopted.adoptedCodes(2024)).toEqual([code]);
    expect(lists.adoptedCodes(2024)).toEqual([]);
    expect(() => lists.index(1999)).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ ruleId: 'reference.year-unknown' }),
      }) as Error,
    );
  });

  it('carries the year’s policy rule set as data', () => {
    expect(ref.data.policy.rules.map((r) => r.id)).toEqual([
      'policy.sangong-decrease-only',
      'policy.no-basic-project-transfer',
      'policy.reviewer-is-not-submitter',
      'policy.economic-mapping',
    ]);
  });
});
