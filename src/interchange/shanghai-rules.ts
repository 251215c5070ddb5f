/**
 * Rules for the Shanghai 9-table layout, whose tables 1, 2 and 9 pivot the facts differently from
 * Shanxi's (sh01: expenditure by 类 × 人员/公用/项目; sh02: revenue by Shanghai's own sources;
 * sh09: 三公 and 机关运行经费 in one row, in 万元 while the other tables are in 元). Each
 * comparison across units converts 元 to 万元 and uses the tolerance of the figure printed in
 * 万元; the explanation's whole-万元 figures (17,192万元) get half a 万元.
 */
import {
  compareSum,
  TableView,
  type FigureSet,
  type Finding,
  type Term,
} from '../domain/disclosure/check-core';
import { functionalHierarchy } from '../domain/disclosure/check-tables';
import { sanGongItemCodes } from '../domain/policy/sangong';
import type { ParsedDisclosure } from './types';

const view = (set: FigureSet, id: string): TableView | null => {
  const t = set.tables.find((x) => x.id === id);
  return t ? new TableView(t) : null;
};
const exact = (t: Term): Term => ({ ...t, rounded: false });
const SCALE_WAN = '0.0001';

function summary(set: FigureSet): (Finding | null)[] {
  const t = view(set, 'sh01');
  if (!t) return [];
  const out: (Finding | null)[] = [];
  const classes = t.rowsWhere((r) => r.code !== null);
  // The 部门 variant prints spending by 类 in one column (预算数): no 人员/公用/项目 to check.
  const split = set.tables.find((x) => x.id === 'sh01')!.keys.includes('personnel');
  const columns = split ? ['total', 'personnel', 'public', 'project'] : ['total'];
  for (const r of split ? classes : [])
    out.push(
      compareSum(
        set,
        'sh01.personnel+public+project',
        t.term(r, 'total'),
        ['personnel', 'public', 'project'].map((k) => t.term(r, k)),
      ),
    );
  for (const col of columns)
    out.push(
      compareSum(
        set,
        'sh01.expenditure-sum',
        t.byKey('grandTotal', col),
        classes.map((r) => t.term(r, col)),
      ),
    );
  out.push(
    compareSum(set, 'sh01.balance', t.byKey('grandTotal', 'revenueAmount'), [
      t.byKey('grandTotal', 'total'),
    ]),
  );
  const sources = t
    .rowsWhere((r) => r.key?.startsWith('revenue.') ?? false)
    .map((r) => t.term(r, 'revenueAmount'));
  out.push(
    compareSum(
      set,
      'sh01.fiscal=sources',
      t.byKey('revenue:财政拨款收入', 'revenueAmount'),
      sources,
    ),
  );
  const t3 = view(set, 't03');
  if (t3) {
    for (const r of classes) {
      out.push(compareSum(set, 'sh01=t03', t.term(r, 'total'), [t3.byCode(r.code!, 'total')]));
      if (split)
        out.push(
          compareSum(set, 'sh01.basic=t03', t3.byCode(r.code!, 'basic'), [
            t.term(r, 'personnel'),
            t.term(r, 'public'),
          ]),
        );
    }
  }
  return out;
}

function revenue(set: FigureSet): (Finding | null)[] {
  const t = set.tables.find((x) => x.id === 'sh02');
  if (!t) return [];
  const v = new TableView(t);
  // The domain's hierarchy rule, run on sh02 under the id it knows, findings renamed back.
  const hierarchy = functionalHierarchy({ ...set, tables: [{ ...t, id: 't02' }] }).map((f) =>
    f
      ? { ...f, ruleId: 'sh02.hierarchy', cells: f.cells.map((c) => ({ ...c, table: 'sh02' })) }
      : null,
  );
  const sources = t.rows.map((r) =>
    compareSum(
      set,
      'sh02.sources',
      v.term(r, 'total'),
      ['fiscalAppropriation', 'businessIncome', 'operatingIncome', 'otherIncome'].map((k) =>
        v.term(r, k),
      ),
    ),
  );
  const t1 = view(set, 'sh01');
  const fiscal = t1
    ? [
        compareSum(set, 'sh01.fiscal=sh02', t1.byKey('revenue:财政拨款收入', 'revenueAmount'), [
          v.byKey('total', 'fiscalAppropriation'),
        ]),
      ]
    : [];
  return [...hierarchy, ...sources, ...fiscal];
}

function special(set: FigureSet, d: ParsedDisclosure): (Finding | null)[] {
  const t = view(set, 'sh09');
  if (!t) return [];
  const wan = { ...set, halfUnit: '0.005' };
  const row = (key: string): Term => t.byKey('total', key);
  const out: (Finding | null)[] = [
    compareSum(wan, 'sh09.total', row('sanGong.total'), [
      row('sanGong.overseasTravel'),
      row('sanGong.officialReception'),
      row('sanGong.vehicles'),
    ]),
    compareSum(wan, 'sh09.vehicles', row('sanGong.vehicles'), [
      row('sanGong.vehiclePurchase'),
      row('sanGong.vehicleOperation'),
    ]),
  ];
  const t6 = view(set, 't06');
  if (t6 && t6.table.moneyUnit === '元') {
    for (const [item, codes] of sanGongItemCodes(set.sanGong)) {
      const basic = t6
        .rowsWhere((r) => r.role === 'item' && codes.includes(r.code ?? ''))
        .map((r) => exact(t6.term(r, 'total')));
      if (basic.length === 0) continue;
      const total = basic.reduce((acc, b) => acc + Number(b.value ?? 0), 0) * 1e-4;
      const key = `sanGong.${item}`;
      // 三公 covers at least the basic lines of its codes (the rest is project money), in 万元.
      if (Number(row(key).value ?? 0) + 0.005 < total)
        out.push(compareSum(wan, 'sh09>=t06', row(key), basic, SCALE_WAN));
    }
    // National definition (行政单位/参公): 机关运行经费 ≤ basic 公用经费 of 一般公共预算.
    const pub = exact(t6.byKey('total', 'public'));
    if (Number(row('agencyOperating').value ?? 0) > Number(pub.value ?? 0) * 1e-4)
      out.push(
        compareSum(
          wan,
          'sh09.agencyOperating<=t06.public',
          row('agencyOperating'),
          [pub],
          SCALE_WAN,
        ),
      );
  }
  const n = (key: string): Term => ({
    ref: { table: 'narrative', row: key, column: 'figure' },
    value: d.narrative[key]?.value ?? null,
  });
  if (d.narrative['sanGong.total'])
    out.push(
      compareSum(wan, 'narrative.sanGong.total', n('sanGong.total'), [row('sanGong.total')]),
    );
  if (d.narrative['agencyOperating.amount'])
    out.push(
      compareSum(wan, 'narrative.agencyOperating.amount', n('agencyOperating.amount'), [
        row('agencyOperating'),
      ]),
    );
  const t1 = view(set, 'sh01');
  if (t1 && d.narrative['sh.revenue.total'])
    out.push(
      compareSum(
        { ...set, halfUnit: '0.5' },
        'narrative.revenue.total',
        n('sh.revenue.total'),
        [exact(t1.byKey('grandTotal', 'revenueAmount'))],
        SCALE_WAN,
      ),
    );
  return out;
}

export function shanghaiFindings(set: FigureSet, d: ParsedDisclosure): Finding[] {
  return [...summary(set), ...revenue(set), ...special(set, d)].filter(
    (f): f is Finding => f !== null,
  );
}
