/**
 * The 勾稽 rules between and within tables (docs/disclosure.md, "Consistency report"). Each rule
 * returns the findings of its comparisons; an exact match is no finding.
 */
import {
  compareAtLeast,
  compareSum,
  TableView,
  type Finding,
  type FigureSet,
  type Term,
} from './check-core';
import { sanGongItemCodes } from '../policy/sangong';
import { SOURCE_KEYS } from './layout';
import { EMPTY_TABLE_NOTE } from './table';

export type Rule = (set: FigureSet) => (Finding | null)[];

const view = (set: FigureSet, id: string): TableView | null => {
  const t = set.tables.find((x) => x.id === id);
  return t ? new TableView(t) : null;
};

/** 表一: 收入总计 = 支出总计, 本年收入合计 = 本年支出合计, and each side adds up. */
export const t01Balance: Rule = (set) => {
  const t = view(set, 't01');
  if (!t) return [];
  const classes = t.rowsWhere((r) => r.role === 'item' && r.code !== null);
  const sources = t.rowsWhere((r) => r.key?.startsWith('revenue.') ?? false);
  return [
    compareSum(set, 't01.balance', t.byKey('grandTotal', 'revenueAmount'), [
      t.byKey('grandTotal', 'total'),
    ]),
    compareSum(set, 't01.balance', t.byKey('currentYear', 'revenueAmount'), [
      t.byKey('currentYear', 'total'),
    ]),
    compareSum(
      set,
      't01.revenue-sum',
      t.byKey('currentYear', 'revenueAmount'),
      sources.map((r) => t.term(r, 'revenueAmount')),
    ),
    compareSum(
      set,
      't01.expenditure-sum',
      t.byKey('currentYear', 'total'),
      classes.map((r) => t.term(r, 'total')),
    ),
  ];
};

/** 表一 revenue = 表二 合计 by source; 表一 expenditure by 类 = 表三. */
export const t01AgainstT02T03: Rule = (set) => {
  const [t1, t2, t3] = [view(set, 't01'), view(set, 't02'), view(set, 't03')];
  if (!t1 || !t2 || !t3) return [];
  const out: (Finding | null)[] = [];
  for (const [source, key] of Object.entries(SOURCE_KEYS))
    out.push(
      compareSum(set, 't01.revenue=t02', t1.byKey(`revenue.${source}`, 'revenueAmount'), [
        t2.byKey('total', key),
      ]),
    );
  for (const r of t1.rowsWhere((x) => x.role === 'item' && x.code !== null))
    out.push(
      compareSum(set, 't01.expenditure=t03', t1.term(r, 'total'), [t3.byCode(r.code!, 'total')]),
    );
  return out;
};

/** Every functional table: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 in every amount column. */
export const functionalHierarchy: Rule = (set) => {
  const out: (Finding | null)[] = [];
  for (const id of ['t02', 't03', 't05', 't07', 't08']) {
    const t = view(set, id);
    if (!t) continue;
    const coded = t.rowsWhere((r) => r.code !== null && /^\d+$/.test(r.code));
    const childrenOf = (code: string | null): typeof coded =>
      coded.filter((r) =>
        code === null
          ? r.code!.length === 3
          : r.code!.length === code.length + 2 && r.code!.startsWith(code),
      );
    const parents = [
      ...t.rowsWhere((r) => r.key === 'total'),
      ...coded.filter((r) => r.code!.length < 7),
    ];
    for (const parent of parents) {
      const children = childrenOf(parent.key === 'total' ? null : parent.code);
      if (children.length === 0) continue;
      for (const col of t.amountKeys())
        out.push(
          compareSum(
            set,
            `${id}.hierarchy`,
            t.term(parent, col),
            children.map((c) => t.term(c, col)),
          ),
        );
    }
  }
  return out;
};

/** 合计 = 基本支出 + 项目支出 on every row; 表二 合计 = the sources + 上年结转. */
export const rowSums: Rule = (set) => {
  const out: (Finding | null)[] = [];
  for (const id of ['t03', 't05', 't08']) {
    const t = view(set, id);
    for (const r of t?.table.rows ?? [])
      out.push(
        compareSum(set, `${id}.basic+project`, t!.term(r, 'total'), [
          t!.term(r, 'basic'),
          t!.term(r, 'project'),
        ]),
      );
  }
  const t2 = view(set, 't02');
  const parts = [...Object.values(SOURCE_KEYS), 'carriedOver'];
  for (const r of t2?.table.rows ?? [])
    out.push(
      compareSum(
        set,
        't02.sources',
        t2!.term(r, 'total'),
        parts.map((k) => t2!.term(r, k)),
      ),
    );
  const t4 = view(set, 't04');
  for (const r of t4?.table.rows ?? [])
    out.push(
      compareSum(
        set,
        't04.sources',
        t4!.term(r, 'subtotal'),
        ['generalPublicBudget', 'governmentFund', 'stateCapital'].map((k) => t4!.term(r, k)),
      ),
    );
  return out;
};

/** 表四 一般公共预算 = 表五 合计; 表五 基本支出 = 表六 合计 = 人员经费 + 公用经费. */
export const generalPublicChain: Rule = (set) => {
  const [t4, t5, t6] = [view(set, 't04'), view(set, 't05'), view(set, 't06')];
  if (!t4 || !t5 || !t6) return [];
  return [
    compareSum(set, 't04.general-public=t05', t4.byKey('currentYear', 'generalPublicBudget'), [
      t5.byKey('total', 'total'),
    ]),
    compareSum(set, 't05.basic=t06', t5.byKey('total', 'basic'), [t6.byKey('total', 'total')]),
    compareSum(set, 't06.personnel+public', t6.byKey('total', 'total'), [
      t6.byKey('total', 'personnel'),
      t6.byKey('total', 'public'),
    ]),
  ];
};

/** 表六: group = Σ its items, 合计 = Σ groups; 人员经费 = 301 + 303, 公用经费 = 302 + 310. */
export const economicGroups: Rule = (set) => {
  const t = view(set, 't06');
  if (!t) return [];
  const out: (Finding | null)[] = [];
  const groups = t.rowsWhere((r) => r.role === 'group');
  for (const g of groups) {
    const items = t.rowsWhere(
      (r) => r.role === 'item' && (r.code?.startsWith(g.code ?? '-') ?? false),
    );
    for (const col of t.amountKeys())
      out.push(
        compareSum(
          set,
          't06.group',
          t.term(g, col),
          items.map((i) => t.term(i, col)),
        ),
      );
  }
  for (const col of t.amountKeys())
    out.push(
      compareSum(
        set,
        't06.total',
        t.byKey('total', col),
        groups.map((g) => t.term(g, col)),
      ),
    );
  const of = (codes: string[]): Term[] =>
    groups.filter((g) => codes.includes(g.code ?? '')).map((g) => t.term(g, 'total'));
  out.push(
    compareSum(set, 't06.personnel=301+303', t.byKey('total', 'personnel'), of(['301', '303'])),
  );
  out.push(compareSum(set, 't06.public=302+310', t.byKey('total', 'public'), of(['302', '310'])));
  return out;
};

/** 表十: 合计 = 出国 + 接待 + 车, 车 = 购置 + 运行; each item ≥ its basic lines in 表六 (by code). */
export const sanGong: Rule = (set) => {
  const t = view(set, 't10');
  if (!t) return [];
  const out: (Finding | null)[] = [];
  for (const col of t.amountKeys()) {
    out.push(
      compareSum(
        set,
        't10.total',
        t.byKey('total', col),
        ['sanGong.overseasTravel', 'sanGong.officialReception', 'sanGong.vehicles'].map((k) =>
          t.byKey(k, col),
        ),
      ),
    );
    out.push(
      compareSum(set, 't10.vehicles', t.byKey('sanGong.vehicles', col), [
        t.byKey('sanGong.vehiclePurchase', col),
        t.byKey('sanGong.vehicleOperation', col),
      ]),
    );
  }
  const t6 = view(set, 't06');
  // Each 三公 item covers at least the basic lines of its codes (the rest is project money).
  for (const [item, codes] of sanGongItemCodes(set.sanGong)) {
    const basic = t6?.rowsWhere((x) => x.role === 'item' && codes.includes(x.code ?? '')) ?? [];
    out.push(
      compareAtLeast(
        set,
        't10>=t06',
        t.byKey(`sanGong.${item}`, 'generalPublicBudget'),
        basic.map((x) => t6!.term(x, 'total')),
      ),
    );
  }
  return out;
};

/** 表十一: 部门合计 = Σ rows; under the all-units scope it is the whole 公用经费 of 表六. */
export const agencyOperating: Rule = (set) => {
  const t = view(set, 't11');
  if (!t) return [];
  const rows = t.rowsWhere((r) => r.role === 'unit');
  const out = t.amountKeys().map((col) =>
    compareSum(
      set,
      't11.total',
      t.byKey('total', col),
      rows.map((r) => t.term(r, col)),
    ),
  );
  const t6 = view(set, 't06');
  if (t6 && set.agencyOperatingScope === 'all-units')
    out.push(
      compareSum(set, 't11=t06.public', t.byKey('total', 'generalPublicBudget'), [
        t6.byKey('total', 'public'),
      ]),
    );
  if (t6 && set.agencyOperatingScope === 'admin-and-civil-service-managed')
    out.push(
      compareAtLeast(set, 't11<=t06.public', t6.byKey('total', 'public'), [
        t.byKey('total', 'generalPublicBudget'),
      ]),
    );
  return out;
};

/** 表十二/十三: unit row = Σ its projects; Σ units = 项目支出 of 表三; forms (元) = table (万元). */
export const projects: Rule = (set) => {
  const out: (Finding | null)[] = [];
  const unitTotals: Term[] = [];
  for (const id of ['t12', 't13']) {
    const t = view(set, id);
    if (!t) continue;
    const rows = t.table.rows;
    rows.forEach((r, i) => {
      if (r.role !== 'unit') return;
      unitTotals.push(t.term(r, 'total'));
      const next = rows.findIndex((x, j) => j > i && x.role === 'unit');
      const own = rows
        .slice(i + 1, next < 0 ? rows.length : next)
        .filter((x) => x.role === 'project');
      for (const col of t.amountKeys())
        out.push(
          compareSum(
            set,
            `${id}.unit=projects`,
            t.term(r, col),
            own.map((p) => t.term(p, col)),
          ),
        );
    });
  }
  const t3 = view(set, 't03');
  if (t3)
    out.push(compareSum(set, 't12+t13=t03.project', t3.byKey('total', 'project'), unitTotals));
  const t12 = view(set, 't12');
  for (const f of set.projectForms) {
    if (!t12) break;
    const term = t12.byKey(f.project, 'total');
    out.push(
      compareSum(
        set,
        'form=t12',
        term,
        [
          {
            ref: { table: 'form', row: f.project, column: 'fundsYuan' },
            value: f.fundsYuan,
            rounded: false,
          },
        ],
        set.halfUnit === null ? '1' : '0.0001',
      ),
    );
  }
  return out;
};

/** 政府采购 total = 货物 + 工程 + 服务. */
export const procurement: Rule = (set) => {
  const p = set.procurement;
  if (!p) return [];
  const term = (column: string, value: string): Term => ({
    ref: { table: 'procurement', row: 'budget', column },
    value,
    rounded: false,
  });
  return [
    compareSum(set, 'procurement.total', term('total', p.total), [
      term('goods', p.goods),
      term('works', p.works),
      term('services', p.services),
    ]),
  ];
};

/** An empty table is still printed, with its note. */
export const emptyNotes: Rule = (set) =>
  set.tables
    .filter(
      (t) =>
        t.rows.every((r) => r.cells.every((c, i) => t.kinds[i] !== 'amount' || c === null)) &&
        t.note !== EMPTY_TABLE_NOTE,
    )
    .map((t) => ({
      ruleId: 'table.empty-note',
      cells: [{ table: t.id, row: '-', column: 'note' }],
      published: t.note ?? '',
      computed: EMPTY_TABLE_NOTE,
      difference: '-',
      roundedTerms: 0,
      kind: 'inconsistency' as const,
    }));

export const TABLE_RULES: Rule[] = [
  t01Balance,
  t01AgainstT02T03,
  functionalHierarchy,
  rowSums,
  generalPublicChain,
  economicGroups,
  sanGong,
  agencyOperating,
  projects,
  procurement,
  emptyNotes,
];
