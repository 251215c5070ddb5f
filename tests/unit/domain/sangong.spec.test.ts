/**
 * “三公”经费 — 因公出国（境）费, 公务接待费, 公务用车购置及运行费 — as budget rules:
 *
 * - policy.sangong-decrease-only (“三公”经费只减不增): no 追加 of a 三公 line, and no 调剂 into one;
 *   a 追减 is allowed.
 * - 表十 (the 13-table layout's 财政拨款安排“三公”经费支出预算表) prints each item, basic and
 *   project money alike, from the lines of its codes; so do the Shanghai layout's table 9 and the
 *   explanation's 七.
 *
 * Which 部门经济分类 款 each item counts is the year's reference data (`sanGong` in
 * data/reference/<year>/policy.json), read through src/domain/policy/sangong.ts: a year whose list
 * differs gets both rules on its own list.
 */
import {
  ReferenceIndex,
  SANGONG_ITEMS,
  decide,
  evolve,
  initialBudgetState,
  ReferenceLists,
  shippedReferenceData,
  sanGongCodes,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetLineKey,
  type BudgetState,
  type ReferenceData,
} from '../../../src/domain';
import { buildDisclosure, type DisclosureFacts } from '../../../src/domain/disclosure';
import { renderShanghai9 } from '../../../src/domain/disclosure/layouts/shanghai-9';
import { refusedBy, specification } from './support/spec';
import {
  CAR_UPKEEP,
  OFFICE,
  OFFICER,
  RECEPTION,
  TRAVEL,
  fundedYear,
  lineOf,
  submitted,
} from './support/fixtures';

const shipped = shippedReferenceData(2024);

/** The 2024 data with 差旅费 30211 counted as 公务接待费 and 公务用车运行维护费 counted as nothing. */
const otherList: ReferenceData = {
  ...shipped,
  policy: {
    ...shipped.policy,
    sanGong: {
      ...shipped.policy.sanGong,
      items: {
        ...shipped.policy.sanGong.items,
        officialReception: { name: '公务接待费', deptEconCodes: ['30217', '30211'] },
        vehicleOperation: { name: '公务用车运行维护费', deptEconCodes: [] },
      },
    },
  },
};

const under = (data: ReferenceData) =>
  specification<BudgetCommand, BudgetEvent, BudgetState>({
    decide: (c, s) => decide(c, s, ReferenceLists.of([data])),
    evolve,
    initialState: initialBudgetState,
  });

const submit = (
  adjustmentType: 'increase' | 'decrease' | 'transfer',
  lines: [BudgetLineKey, string][],
): BudgetCommand => ({
  type: 'SubmitAdjustment',
  data: {
    adjustmentId: 'adj-1',
    adjustmentType,
    reason: '工作需要',
    documentNumber: '汾财预批（2024）12号',
    effectiveDate: '2024-06-01',
    submittedBy: OFFICER,
    submittedAt: '2024-05-20',
    lines: lines.map(([line, delta]) => ({ line, delta })),
  },
});

describe('“三公”经费只减不增 (policy.sangong-decrease-only), 2024 as shipped', () => {
  const given = under(shipped);

  it('refuses a 追加 of 公务用车运行维护费', () => {
    given(fundedYear())
      .when(submit('increase', [[CAR_UPKEEP, '100.00']]))
      .then(refusedBy('policy.sangong-decrease-only', { delta: '100.00' }, 'POLICY_VIOLATION'));
  });

  it('refuses a 调剂 into 公务接待费', () => {
    given(fundedYear())
      .when(
        submit('transfer', [
          [OFFICE, '-100.00'],
          [RECEPTION, '100.00'],
        ]),
      )
      .then(refusedBy('policy.sangong-decrease-only'));
  });

  it('refuses a 追加 of a line of every code of every 三公 item', () => {
    const codes = [...sanGongCodes(shipped.policy.sanGong)];
    expect(codes.sort()).toEqual(['30212', '30217', '30231', '31013']);
    for (const code of codes) {
      const gov = shipped.economicMapping.find((m) => m.dept === code)!.administrative[0]!;
      const line = lineOf({ kind: 'public', deptEconCode: code, govEconCode: gov });
      given(fundedYear())
        .when(submit('increase', [[line, '1.00']]))
        .then(refusedBy('policy.sangong-decrease-only'));
    }
  });

  it('accepts a 追减 of a 三公 line, and a 追加 of 差旅费 (not 三公)', () => {
    given(fundedYear())
      .when(submit('decrease', [[CAR_UPKEEP, '-10000.00']]))
      .then([submitted('adj-1', 'decrease', [[CAR_UPKEEP, '-10000.00']])]);
    given(fundedYear())
      .when(submit('increase', [[TRAVEL, '500.00']]))
      .then([submitted('adj-1', 'increase', [[TRAVEL, '500.00']])]);
  });
});

describe('a year whose 三公 list differs: the rule follows the reference data', () => {
  const given = under(otherList);

  it('refuses a 追加 of 差旅费 when the year counts it as 公务接待费', () => {
    given(fundedYear())
      .when(submit('increase', [[TRAVEL, '500.00']]))
      .then(refusedBy('policy.sangong-decrease-only', { delta: '500.00' }));
  });

  it('accepts a 追加 of 公务用车运行维护费 when the year counts it as no 三公 item', () => {
    given(fundedYear())
      .when(submit('increase', [[CAR_UPKEEP, '100.00']]))
      .then([submitted('adj-1', 'increase', [[CAR_UPKEEP, '100.00']])]);
  });
});

describe('表十 “三公”经费支出预算表 prints the year’s 三公 codes', () => {
  const facts: DisclosureFacts = {
    fiscalYear: 2024,
    department: { code: '019', name: '汾阳市行政审批服务管理局' },
    units: [{ code: '019001', name: '汾阳市行政审批服务管理局', kind: 'administrative' }],
    lines: [
      { line: RECEPTION, amount: '3000.00' },
      { line: TRAVEL, amount: '2000.00' },
      { line: CAR_UPKEEP, amount: '50000.00' },
    ],
    projects: [],
    priorYear: null,
    performanceForms: [],
    procurement: null,
    assets: null,
  };
  // An item with no money prints an empty cell (null).
  const table10 = (data: ReferenceData) => {
    const t = buildDisclosure(facts, new ReferenceIndex(data), { moneyUnit: 'yuan' }).tables.t10;
    return Object.fromEntries(t.rows.map((r) => [r.key, [r.code, r.cells.total]]));
  };

  it('as shipped: 公务接待费 30217, 公务用车运行维护费 30231, 差旅费 not counted', () => {
    expect(table10(shipped)).toEqual({
      'sanGong.overseasTravel': ['30212', null],
      'sanGong.officialReception': ['30217', '3000.00'],
      'sanGong.vehicles': ['31013+30231', '50000.00'],
      'sanGong.vehiclePurchase': ['31013', null],
      'sanGong.vehicleOperation': ['30231', '50000.00'],
      total: [null, '53000.00'],
    });
  });

  it('with the year’s list changed, the rows and the 合计 count the new codes', () => {
    expect(table10(otherList)).toEqual({
      'sanGong.overseasTravel': ['30212', null],
      'sanGong.officialReception': ['30217+30211', '5000.00'],
      'sanGong.vehicles': ['31013', null],
      'sanGong.vehiclePurchase': ['31013', null],
      'sanGong.vehicleOperation': ['', null],
      total: [null, '5000.00'],
    });
  });

  it('the Shanghai layout’s table 9 (万元) counts the same codes', () => {
    const sh09 = (data: ReferenceData) => {
      const t = renderShanghai9(facts, new ReferenceIndex(data)).tables.sh09;
      const total = t.rows.find((r) => r.key === 'total')!;
      return Object.fromEntries(t.keys.map((k, i) => [k, total.cells[i]]));
    };
    expect(sh09(shipped)).toMatchObject({
      'sanGong.total': '5.30',
      'sanGong.officialReception': '0.30',
      'sanGong.vehicleOperation': '5.00',
    });
    expect(sh09(otherList)).toMatchObject({
      'sanGong.total': '0.50',
      'sanGong.officialReception': '0.50',
      'sanGong.vehicleOperation': '0.00',
    });
  });

  it('the explanation’s 七 names the year’s four items and sums their codes', () => {
    const d = buildDisclosure(facts, new ReferenceIndex(otherList), { moneyUnit: 'yuan' });
    const s = d.explanation.threePublicExpenses;
    expect(s.items.map((i) => [i.item, i.amount])).toEqual([
      ['因公出国（境）费', '0'],
      ['公务接待费', '5000.00'],
      ['公务用车运行维护费', '0'],
      ['公务用车购置费', '0'],
    ]);
    expect(SANGONG_ITEMS.every((i) => s.text.includes(shipped.policy.sanGong.items[i].name))).toBe(
      true,
    );
  });
});
