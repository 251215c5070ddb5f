/**
 * checkDisclosure(disclosure) → the consistency report (勾稽关系). The disclosure is first turned
 * into a neutral FigureSet (figuresOf); checkFigures runs every rule on it, so a parser of a
 * published document only needs to produce a FigureSet to be checked the same way.
 */
import type { Disclosure } from './build';
import {
  comparePercent,
  compareSum,
  minus,
  TableView,
  type FigureSet,
  type Finding,
  type Term,
} from './check-core';
import type { ChangeFigure } from './figures';
import { TABLE_RULES, type Rule } from './check-tables';
import { TABLE_IDS, toGeneric } from './table';

export interface ConsistencyReport {
  findings: Finding[];
  rounding: number;
  inconsistencies: number;
}

const signed = (c: ChangeFigure | null): string | null =>
  c === null ? null : c.direction === 'decrease' ? `-${c.amount}` : c.amount;

/** The explanation's printed figures under neutral names (a parser fills the same names). */
function narrativeFigures(d: Disclosure): Record<string, string | null> {
  const e = d.explanation;
  const perf = e.performanceManagement;
  return {
    'changes.total': e.changes.total,
    'changes.change': signed(e.changes.change),
    'changes.changePercent': e.changes.change?.percent ?? null,
    'revenue.total': e.revenue.total,
    'expenditure.total': e.expenditure.total,
    'expenditure.basic': e.expenditure.basic.amount,
    'expenditure.basicShare': e.expenditure.basic.sharePercent,
    'expenditure.project': e.expenditure.project.amount,
    'fiscal.total': e.fiscalAppropriation.total,
    'generalPublic.amount': e.generalPublicBudget.currentYearExpenditure,
    'basic.total': e.basicExpenditure.total,
    'basic.personnel': e.basicExpenditure.personnel.amount,
    'basic.public': e.basicExpenditure.public.amount,
    'sanGong.total': e.threePublicExpenses.total,
    'agencyOperating.amount': e.agencyOperatingExpenses.amount,
    'agencyOperating.change': signed(e.agencyOperatingExpenses.change),
    'agencyOperating.changePercent': e.agencyOperatingExpenses.change?.percent ?? null,
    'performance.managedAmount': perf.managed.amount,
    'performance.managedOtherOperating': perf.managed.otherOperating.amount,
    'performance.managedSpecificTarget': perf.managed.specificTarget.amount,
    'performance.publishedAmount': perf.published.amount,
    'performance.publishedOtherOperating': perf.published.otherOperating.amount,
    'performance.publishedSpecificTarget': perf.published.specificTarget.amount,
  };
}

export function figuresOf(d: Disclosure): FigureSet {
  const p = d.explanation.governmentProcurement;
  return {
    tables: TABLE_IDS.map((id) => toGeneric(d.tables[id])),
    halfUnit: d.moneyUnit === 'wan-yuan' ? '0.005' : null,
    narrative: narrativeFigures(d),
    projectForms: d.performanceForms.projects.map((f) => ({
      project: f.projectCode,
      fundsYuan: f.fundsYuan,
    })),
    // The explanation's procurement figures are as printed; the check compares them with each
    // other.
    procurement: p
      ? { goods: p.goods, works: p.works, services: p.services, total: p.total }
      : null,
    agencyOperatingScope: d.agencyOperatingRule.scope,
    sanGong: d.sanGong,
  };
}

const n = (set: FigureSet, key: string): Term => ({
  ref: { table: 'narrative', row: key, column: 'figure' },
  value: set.narrative[key] ?? null,
});

/** A printed change and its percentage must agree: 增减率 = 增减额 ÷ (figure − 增减额). */
function changeRule(set: FigureSet, prefix: string, amountKey: string): (Finding | null)[] {
  const change = set.narrative[`${prefix}.change`];
  const amount = set.narrative[amountKey];
  if (change === null || change === undefined || amount === null || amount === undefined) return [];
  const prior: Term = {
    ref: { table: 'narrative', row: `${prefix}.prior (implied)`, column: 'figure' },
    value: minus(amount, change),
  };
  return [
    comparePercent(
      `narrative.${prefix}.percent`,
      n(set, `${prefix}.changePercent`),
      n(set, `${prefix}.change`),
      prior,
    ),
  ];
}

/** Every narrative figure equals the figure of the tables it restates. */
const narrativeRules: Rule = (set) => {
  const t = (id: string): TableView =>
    new TableView(
      set.tables.find((x) => x.id === id) ?? {
        id,
        title: '',
        moneyUnit: '万元',
        columns: [],
        keys: [],
        kinds: [],
        rows: [],
        note: null,
      },
    );
  const eq = (key: string, term: Term): Finding | null =>
    set.narrative[key] === undefined
      ? null
      : compareSum(set, `narrative.${key}`, n(set, key), [term]);
  return [
    eq('changes.total', t('t01').byKey('grandTotal', 'revenueAmount')),
    eq('revenue.total', t('t01').byKey('grandTotal', 'revenueAmount')),
    eq('expenditure.total', t('t03').byKey('total', 'total')),
    eq('expenditure.basic', t('t03').byKey('total', 'basic')),
    eq('expenditure.project', t('t03').byKey('total', 'project')),
    comparePercent(
      'narrative.expenditure.basicShare',
      n(set, 'expenditure.basicShare'),
      n(set, 'expenditure.basic'),
      n(set, 'expenditure.total'),
    ),
    eq('fiscal.total', t('t04').byKey('grandTotal', 'revenueAmount')),
    eq('generalPublic.amount', t('t05').byKey('total', 'total')),
    eq('basic.total', t('t06').byKey('total', 'total')),
    eq('basic.personnel', t('t06').byKey('total', 'personnel')),
    eq('basic.public', t('t06').byKey('total', 'public')),
    eq('sanGong.total', t('t10').byKey('total', 'total')),
    eq('agencyOperating.amount', t('t11').byKey('total', 'total')),
    eq('performance.managedAmount', t('t03').byKey('total', 'project')),
    compareSum(set, 'narrative.performance.managed-split', n(set, 'performance.managedAmount'), [
      n(set, 'performance.managedOtherOperating'),
      n(set, 'performance.managedSpecificTarget'),
    ]),
    compareSum(
      set,
      'narrative.performance.published-split',
      n(set, 'performance.publishedAmount'),
      [
        n(set, 'performance.publishedOtherOperating'),
        n(set, 'performance.publishedSpecificTarget'),
      ],
    ),
    ...changeRule(set, 'changes', 'changes.total'),
    ...changeRule(set, 'agencyOperating', 'agencyOperating.amount'),
  ];
};

export function checkFigures(set: FigureSet): ConsistencyReport {
  const findings = [...TABLE_RULES, narrativeRules]
    .flatMap((rule) => rule(set))
    .filter((f): f is Finding => f !== null);
  return {
    findings,
    rounding: findings.filter((f) => f.kind === 'rounding').length,
    inconsistencies: findings.filter((f) => f.kind === 'inconsistency').length,
  };
}

export const checkDisclosure = (d: Disclosure): ConsistencyReport => checkFigures(figuresOf(d));
