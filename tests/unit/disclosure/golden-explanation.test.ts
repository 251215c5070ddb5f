/**
 * GOLDEN (explanation): every figure of 第三部分 that the tables determine equals the published
 * one, and the generated text equals the published text (punctuation widths and thousands
 * separators normalised) — except where the published document is wrong (docs/seed-derivation.md).
 */
import { expected, fenyangDisclosure } from './fenyang-fixture';
import { normaliseText } from './golden-compare';

const N = expected.narrative;
const e = fenyangDisclosure().explanation;

describe('golden explanation figures', () => {
  it('一 totals and change against the prior year', () => {
    const c = N.changes;
    expect([e.changes.total, e.changes.currentYear, e.changes.carriedOver]).toEqual([
      c.revenueTotal,
      c.revenueCurrentYear,
      c.revenueCarriedOver,
    ]);
    expect([
      e.changes.change?.direction,
      e.changes.change?.amount,
      e.changes.change?.percent,
    ]).toEqual(['increase', c.revenueIncrease, c.revenueGrowthPercent]);
    expect([c.expenditureIncrease, c.expenditureGrowthPercent]).toEqual([
      c.revenueIncrease,
      c.revenueGrowthPercent,
    ]);
  });

  it('二 revenue by source with shares, 三 basic/project with shares', () => {
    expect(e.revenue.items.map((i) => [i.item, i.amount, i.sharePercent])).toEqual(
      N.revenue.items.map((i) => [i.item, i.amount, i.sharePercent]),
    );
    const x = N.expenditure;
    expect([
      e.expenditure.total,
      e.expenditure.basic.amount,
      e.expenditure.basic.sharePercent,
      e.expenditure.project.amount,
      e.expenditure.project.sharePercent,
    ]).toEqual([x.total, x.basic, x.basicSharePercent, x.project, x.projectSharePercent]);
  });

  it('四 财政拨款 and 五 一般公共预算 (scale, change, structure)', () => {
    const f = N.fiscalAppropriation;
    const bySource = Object.fromEntries(
      e.fiscalAppropriation.bySource.map((s) => [s.source, s.amount]),
    );
    expect([
      e.fiscalAppropriation.total,
      bySource['general-public'],
      bySource['government-fund'],
      bySource['state-capital'],
      e.fiscalAppropriation.currentYear,
      e.fiscalAppropriation.carriedOver,
    ]).toEqual([
      f.total,
      f.generalPublicBudget,
      f.governmentFund,
      f.stateCapital,
      f.currentYear,
      f.carriedOver,
    ]);
    expect(e.fiscalAppropriation.expenditureItems).toEqual(f.expenditureItems);
    const g = N.generalPublicBudget;
    expect([
      e.generalPublicBudget.currentYearExpenditure,
      e.generalPublicBudget.change?.amount,
      e.generalPublicBudget.change?.percent,
    ]).toEqual([
      g.scaleChange.currentYearExpenditure,
      g.scaleChange.increase,
      g.scaleChange.growthPercent,
    ]);
    expect(e.generalPublicBudget.items).toEqual(g.structure.items);
  });

  it('六 人员经费 and 公用经费 with what they consist of (the seed lists them in no order)', () => {
    const b = N.basicExpenditure;
    expect([
      e.basicExpenditure.total,
      e.basicExpenditure.personnel.amount,
      e.basicExpenditure.public.amount,
    ]).toEqual([b.total, b.personnel.amount, b.public.amount]);
    expect([...e.basicExpenditure.personnel.items].sort()).toEqual([...b.personnel.items].sort());
    expect([...e.basicExpenditure.public.items].sort()).toEqual([...b.public.items].sort());
  });

  it('七 三公 and 八 机关运行经费 with their change (八 prints last year’s figure as this year’s)', () => {
    const s = N.threePublicExpenses;
    expect(e.threePublicExpenses.total).toBe(s.total);
    expect(
      e.threePublicExpenses.items.map((i) => [
        normaliseText(i.item),
        i.amount,
        i.change?.direction,
      ]),
    ).toEqual(s.items.map((i) => [normaliseText(i.item), i.amount, 'flat']));
    const a = N.agencyOperatingExpenses;
    expect([
      e.agencyOperatingExpenses.change?.direction,
      e.agencyOperatingExpenses.change?.amount,
      e.agencyOperatingExpenses.change?.percent,
    ]).toEqual(['decrease', a.changeAmount, a.changePercent]);
    expect(e.agencyOperatingExpenses.amount).toBe(
      expected.tables.t11_agency_operating_expenses.total.total,
    );
    expect(e.agencyOperatingExpenses.amount).not.toBe(a.amount);
  });

  it('九 政府采购 and 十 绩效 counts (the consistent reading of the two statements)', () => {
    const p = N.governmentProcurement;
    expect(e.governmentProcurement).toMatchObject({
      total: p.total,
      goods: p.goods,
      works: p.works,
      services: p.services,
    });
    const m = N.performanceManagement.projectTargets;
    const managed = e.performanceManagement.managed;
    expect([
      String(managed.count),
      managed.amount,
      String(managed.otherOperating.count),
      managed.otherOperating.amount,
      String(managed.specificTarget.count),
      managed.specificTarget.amount,
    ]).toEqual([
      m.managed.count,
      m.managed.amount,
      m.managed.breakdown.otherOperating.count,
      m.managed.breakdown.otherOperating.amount,
      m.managed.breakdown.specificTarget.count,
      m.managed.breakdown.specificTarget.amount,
    ]);
    const pub = e.performanceManagement.published;
    expect([String(pub.count), pub.amount, pub.sharePercent]).toEqual([
      m.published.count,
      m.published.amount,
      '100.00',
    ]);
    expect(pub.specificTarget.amount).toBe(m.managed.breakdown.specificTarget.amount);
    expect(e.performanceManagement.overallTarget?.amount).toBe(
      N.performanceManagement.overallTarget.amount,
    );
  });
});

describe('golden explanation text (seed wording)', () => {
  const cases: [string, string, string][] = [
    ['一', e.changes.text, N.changes.text],
    ['二', e.revenue.text, N.revenue.text],
    ['三', e.expenditure.text, N.expenditure.text],
    ['四', e.fiscalAppropriation.text, N.fiscalAppropriation.text],
    ['五(一)', e.generalPublicBudget.scaleText, N.generalPublicBudget.scaleChange.text],
    ['五(二)', e.generalPublicBudget.structureText, N.generalPublicBudget.structure.text],
    ['七', e.threePublicExpenses.text, N.threePublicExpenses.text],
    ['九', e.governmentProcurement!.text, N.governmentProcurement.text],
    [
      '十 整体',
      e.performanceManagement.overallTarget!.text,
      N.performanceManagement.overallTarget.text,
    ],
    ['十一 车辆', e.assets!.vehiclesText, expected.assets.vehicles.text],
    ['十一 房屋', e.assets!.officeSpaceText, expected.assets.officeSpaceText],
  ];
  it.each(cases)('%s', (_section, generated, published) =>
    expect(normaliseText(generated)).toBe(normaliseText(published)),
  );

  it('八 differs from print only by this year’s figure (24.53 in table 11, 25.62 printed)', () => {
    expect(e.agencyOperatingExpenses.text).toBe(
      N.agencyOperatingExpenses.text.replace('25.62', '24.53'),
    );
  });

  it('十 项目 is the published text with its second statement made consistent', () => {
    const fixed = N.performanceManagement.projectTargets.text
      .replace('涉及项目金额1,027.12万元。', '涉及项目金额1,022.37万元。')
      .replace('100%', '100.00%');
    expect(normaliseText(e.performanceManagement.text)).toBe(normaliseText(fixed));
  });
});
