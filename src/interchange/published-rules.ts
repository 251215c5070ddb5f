/**
 * Consistency rules a published document needs beyond those of src/domain/disclosure (which a
 * ledger-built disclosure satisfies by construction): figures the explanation states twice,
 * sums the explanation implies, the overview against the whole-unit form, project forms (元)
 * against table 12's unit total, and the cross-classification of basic personnel spending
 * (functional 项 in table 5 ↔ economic 款 in table 6). Same vocabulary and tolerance as the
 * domain rules (check-core).
 */
import {
  comparePercent,
  compareSum,
  minus,
  TableView,
  type FigureSet,
  type Finding,
  type Term,
} from '../domain/disclosure/check-core';
import type { Rule } from '../domain/disclosure/check-tables';

const n = (set: FigureSet, key: string, rounded = true): Term => ({
  ref: { table: 'narrative', row: key, column: 'figure' },
  value: set.narrative[key] ?? null,
  rounded,
});
const has = (set: FigureSet, ...keys: string[]): boolean =>
  keys.every((k) => set.narrative[k] !== undefined && set.narrative[k] !== null);
const view = (set: FigureSet, id: string): TableView | null => {
  const t = set.tables.find((x) => x.id === id);
  return t ? new TableView(t) : null;
};

/** 六: 基本支出 = 人员经费 + 公用经费, as the explanation states them. */
const basicSplit: Rule = (set) =>
  has(set, 'basic.total', 'basic.personnel', 'basic.public')
    ? [
        compareSum(set, 'narrative.basic.personnel+public', n(set, 'basic.total'), [
          n(set, 'basic.personnel'),
          n(set, 'basic.public'),
        ]),
      ]
    : [];

/** 三: 项目支出's share; 五: the change of the general public budget and its percentage. */
const sharesAndChanges: Rule = (set) => {
  const out: (Finding | null)[] = [];
  if (has(set, 'expenditure.projectShare', 'expenditure.project', 'expenditure.total')) {
    out.push(
      comparePercent(
        'narrative.expenditure.projectShare',
        n(set, 'expenditure.projectShare'),
        n(set, 'expenditure.project'),
        n(set, 'expenditure.total'),
      ),
    );
  }
  if (has(set, 'generalPublic.amount', 'generalPublic.change', 'generalPublic.changePercent')) {
    const prior: Term = {
      ref: { table: 'narrative', row: 'generalPublic.prior (implied)', column: 'figure' },
      value: minus(set.narrative['generalPublic.amount']!, set.narrative['generalPublic.change']!),
    };
    out.push(
      comparePercent(
        'narrative.generalPublic.percent',
        n(set, 'generalPublic.changePercent'),
        n(set, 'generalPublic.change'),
        prior,
      ),
    );
  }
  return out;
};

/** 十: the explanation states the 特定目标类 amount twice (纳入管理, 公开); both must agree. */
const performanceStatements: Rule = (set) =>
  has(set, 'performance.publishedSpecificTarget', 'performance.managedSpecificTarget') &&
  set.narrative['performance.publishedCount'] === set.narrative['performance.managedCount']
    ? [
        compareSum(
          set,
          'narrative.performance.specific-target-twice',
          n(set, 'performance.publishedSpecificTarget'),
          [n(set, 'performance.managedSpecificTarget')],
        ),
      ]
    : [];

/**
 * 十: 特定目标类 = the projects that are not 其他运转类. The document does not say which project is
 * which; when it has one 其他运转类 project and exactly one table-12 project prints that amount,
 * that project is the one (otherwise the rule does not apply).
 */
const specificTargetProjects: Rule = (set) => {
  const t12 = view(set, 't12');
  if (
    !t12 ||
    !has(set, 'performance.managedSpecificTarget', 'performance.managedOtherOperating') ||
    set.narrative['performance.managedOtherOperatingCount'] !== '1'
  )
    return [];
  const projects = t12.rowsWhere((r) => r.role === 'project');
  const other = projects.filter(
    (r) => t12.term(r, 'total').value === set.narrative['performance.managedOtherOperating'],
  );
  if (other.length !== 1) return [];
  const rest = projects.filter((r) => r !== other[0]);
  const out = [
    compareSum(
      set,
      'narrative.performance.specific-target=t12',
      n(set, 'performance.managedSpecificTarget'),
      rest.map((r) => t12.term(r, 'total')),
    ),
  ];
  const forms = rest.map((r) => set.projectForms.find((f) => f.project === r.key));
  if (forms.every((f) => f !== undefined)) {
    const terms = forms.map((f): Term => ({
      ref: { table: 'form', row: f!.project, column: 'fundsYuan' },
      value: f!.fundsYuan,
      rounded: false,
    }));
    out.push(
      compareSum(
        set,
        'narrative.performance.specific-target=forms',
        n(set, 'performance.managedSpecificTarget'),
        terms,
        t12.table.moneyUnit === '万元' ? '0.0001' : '1',
      ),
    );
  }
  return out;
};

/** Table 12's unit total against the sum of the project forms' exact 元 amounts. */
const formsTotal: Rule = (set) => {
  const t12 = view(set, 't12');
  if (!t12 || set.projectForms.length === 0) return [];
  const units = t12.rowsWhere((r) => r.role === 'unit');
  if (units.length !== 1) return [];
  const terms = set.projectForms.map((f): Term => ({
    ref: { table: 'form', row: f.project, column: 'fundsYuan' },
    value: f.fundsYuan,
    rounded: false,
  }));
  return [
    compareSum(
      set,
      'forms=t12.unit',
      t12.term(units[0], 'total'),
      terms,
      t12.table.moneyUnit === '万元' ? '0.0001' : '1',
    ),
  ];
};

/** 第一部分's count of internal divisions against the whole-unit performance form's. */
const internalDivisions: Rule = (set) =>
  has(set, 'unitForm.internalDivisions', 'overview.internalDivisions')
    ? [
        compareSum(
          set,
          'overview.internal-divisions',
          n(set, 'unitForm.internalDivisions', false),
          [n(set, 'overview.internalDivisions', false)],
        ),
      ]
    : [];

/**
 * Basic personnel spending printed twice: by function (table 5, 基本支出) and by economic
 * class (table 6). Pension, annuity, medical insurance and housing fund are each one functional
 * 项 set and one economic 款 set by definition.
 */
export const CROSS_CLASSIFICATION: { name: string; functional: string[]; economic: string[] }[] = [
  { name: '机关事业单位基本养老保险缴费', functional: ['2080505'], economic: ['30108'] },
  { name: '职业年金缴费', functional: ['2080506'], economic: ['30109'] },
  {
    name: '医疗保险缴费',
    functional: ['2101101', '2101102', '2101103'],
    economic: ['30110', '30111'],
  },
  { name: '住房公积金', functional: ['2210201'], economic: ['30113'] },
];

const crossClassification: Rule = (set) => {
  const [t5, t6] = [view(set, 't05'), view(set, 't06')];
  if (!t5 || !t6 || t5.table.moneyUnit !== t6.table.moneyUnit) return [];
  const out: (Finding | null)[] = [];
  for (const pair of CROSS_CLASSIFICATION) {
    const functional = t5
      .rowsWhere((r) => r.role === 'class' && pair.functional.includes(r.code ?? ''))
      .map((r) => t5.term(r, 'basic'));
    const economic = t6
      .rowsWhere((r) => r.role === 'item' && pair.economic.includes(r.code ?? ''))
      .map((r) => t6.term(r, 'total'));
    if (functional.length === 0 || economic.length === 0) continue;
    const [first, ...others] = functional;
    out.push(
      compareSum(set, 'cross.t05-basic=t06', first!, [
        ...economic,
        ...others.map((o) => ({ ...o, sign: -1 as const })),
      ]),
    );
  }
  return out;
};

export const PUBLISHED_RULES: Rule[] = [
  basicSplit,
  sharesAndChanges,
  performanceStatements,
  specificTargetProjects,
  formsTotal,
  internalDivisions,
  crossClassification,
];
