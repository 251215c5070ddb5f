/**
 * Rules for the Jiangsu 12-table layout (万元, 2 decimals): each table's sums (a parent code = Σ
 * its children, 合计 = Σ classes, the two sides of the summary tables), and the figures the tables
 * print twice (财政拨款 in tables 1, 2 and 4; 基本支出 in tables 1, 3, 4 and 6; the 一般公共预算 and
 * 政府性基金 tables adding up to the 财政拨款 table; 三公 items against their 302 lines). The
 * national definition of 机关运行经费 — the 公用经费 (302) of basic spending — is compared with the
 * table of that name: a document whose scope is wider (2017: project running costs included) is
 * flagged.
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

type F = Finding | null;
type Row = TableView['table']['rows'][number];

const view = (set: FigureSet, id: string): TableView | null => {
  const t = set.tables.find((x) => x.id === id);
  return t ? new TableView(t) : null;
};

/** A coded table's hierarchy: 合计 = Σ top codes, each code = Σ the codes one level below it. */
function hierarchy(set: FigureSet, id: string, top: number, step: number): F[] {
  const t = view(set, id);
  if (!t) return [];
  const coded = t.rowsWhere((r) => r.code !== null);
  const out: F[] = [];
  const total = t.rowsWhere((r) => r.key === 'total')[0];
  const tops = coded.filter((r) => r.code!.length === top);
  if (total && tops.length > 0)
    out.push(
      compareSum(
        set,
        `${id}.total`,
        t.term(total, 'amount'),
        tops.map((r) => t.term(r, 'amount')),
      ),
    );
  for (const parent of coded) {
    const c = parent.code!;
    const children = coded.filter(
      (r) => r.code!.length === c.length + step && r.code!.startsWith(c),
    );
    if (children.length === 0) continue;
    out.push(
      compareSum(
        set,
        `${id}.hierarchy`,
        t.term(parent, 'amount'),
        children.map((r) => t.term(r, 'amount')),
      ),
    );
  }
  return out;
}

const byKey = (t: TableView, key: string, column = 'amount'): Term => t.byKey(key, column);
const has = (t: TableView, key: string) => t.table.rows.some((r) => r.key === key);

function summary(set: FigureSet): F[] {
  const t = view(set, 'js01');
  if (!t) return [];
  const out: F[] = [];
  const k = (key: string) => byKey(t, key);
  if (has(t, 'revenue.fiscal'))
    out.push(
      compareSum(set, 'js01.fiscal=sources', k('revenue.fiscal'), [
        k('revenue.general-public'),
        k('revenue.government-fund'),
      ]),
    );
  out.push(
    compareSum(set, 'js01.revenue', k('revenue.currentYear'), [
      k('revenue.fiscal'),
      k('revenue.special-account'),
      k('revenue.other'),
    ]),
    compareSum(set, 'js01.revenue-total', k('revenue.total'), [
      k('revenue.currentYear'),
      k('revenue.carriedOver'),
    ]),
    compareSum(
      set,
      'js01.classes',
      k('spending.currentYear'),
      t.rowsWhere((r) => r.role === 'class').map((r) => t.term(r, 'amount')),
    ),
    compareSum(set, 'js01.purposes', k('spending.currentYear'), [
      k('purpose.basic'),
      k('purpose.project'),
      k('purpose.reserve'),
    ]),
    compareSum(set, 'js01.spending-total', k('spending.total'), [
      k('spending.currentYear'),
      k('spending.carryForward'),
    ]),
    compareSum(set, 'js01.balance', k('revenue.total'), [k('spending.total')]),
  );
  return out;
}

function revenue(set: FigureSet): F[] {
  const t = view(set, 'js02');
  if (!t) return [];
  const out: F[] = [];
  const subtotals = t.rowsWhere((r) => r.key?.startsWith('subtotal:') ?? false);
  out.push(
    compareSum(
      set,
      'js02.total',
      byKey(t, 'total'),
      subtotals.map((r) => t.term(r, 'amount')),
    ),
  );
  for (const s of subtotals) {
    const group = s.key!.slice('subtotal:'.length);
    const items = t.rowsWhere((r) => r.key?.startsWith(`${group}:`) ?? false);
    if (items.length > 0)
      out.push(
        compareSum(
          set,
          'js02.subtotal',
          t.term(s, 'amount'),
          items.map((r) => t.term(r, 'amount')),
        ),
      );
  }
  const t1 = view(set, 'js01');
  if (t1)
    out.push(
      compareSum(set, 'js02=js01.revenue', byKey(t, 'total'), [byKey(t1, 'revenue.total')]),
      compareSum(set, 'js02=js01.general-public', byKey(t, 'subtotal:general-public'), [
        byKey(t1, 'revenue.general-public'),
      ]),
    );
  return out;
}

function spending(set: FigureSet): F[] {
  const t3 = view(set, 'js03');
  const t1 = view(set, 'js01');
  const out: F[] = [];
  if (t3) {
    const r = (key: string) => byKey(t3, 'total', key);
    out.push(
      compareSum(set, 'js03.total', r('total'), [
        r('basic'),
        r('project'),
        r('reserve'),
        r('carryForward'),
      ]),
    );
    if (t1)
      out.push(
        compareSum(set, 'js03=js01.total', r('total'), [byKey(t1, 'spending.total')]),
        compareSum(set, 'js03=js01.basic', r('basic'), [byKey(t1, 'purpose.basic')]),
        compareSum(set, 'js03=js01.project', r('project'), [byKey(t1, 'purpose.project')]),
        compareSum(set, 'js03=js01.reserve', r('reserve'), [byKey(t1, 'purpose.reserve')]),
      );
  }
  return out;
}

function fiscal(set: FigureSet): F[] {
  const t = view(set, 'js04');
  if (!t) return [];
  const k = (key: string) => byKey(t, key);
  const out: F[] = [
    compareSum(set, 'js04.revenue', k('revenue.total'), [
      k('revenue.general-public'),
      k('revenue.government-fund'),
    ]),
    compareSum(set, 'js04.purposes', k('spending.total'), [
      k('purpose.basic'),
      k('purpose.project'),
      k('purpose.reserve'),
    ]),
    compareSum(set, 'js04.balance', k('revenue.total'), [k('spending.total')]),
  ];
  const t1 = view(set, 'js01');
  if (t1 && has(t1, 'revenue.fiscal'))
    out.push(
      compareSum(set, 'js04=js01.fiscal', k('revenue.total'), [byKey(t1, 'revenue.fiscal')]),
    );
  const t5 = view(set, 'js05');
  if (t5) out.push(compareSum(set, 'js05=js04', byKey(t5, 'total'), [k('spending.total')]));
  const t6 = view(set, 'js06');
  if (t6) out.push(compareSum(set, 'js06=js04.basic', byKey(t6, 'total'), [k('purpose.basic')]));
  return out;
}

/** 财政拨款 = 一般公共预算 + 政府性基金, code by code; each class as in table 1's 功能分类 column. */
function functional(set: FigureSet): F[] {
  const t5 = view(set, 'js05');
  const t7 = view(set, 'js07');
  const t10 = view(set, 'js10');
  if (!t5) return [];
  const out: F[] = [];
  const parts = (code: string | null, key: string | null): Term[] =>
    [t7, t10]
      .filter((v): v is TableView => v !== null)
      .map((v) => (code ? v.byCode(code, 'amount') : v.byKey(key!, 'amount')));
  out.push(compareSum(set, 'js05=js07+js10', byKey(t5, 'total'), parts(null, 'total')));
  for (const r of t5.rowsWhere((x) => x.code !== null))
    out.push(compareSum(set, 'js05=js07+js10', t5.term(r, 'amount'), parts(r.code, null)));
  return out;
}

function economic(set: FigureSet): F[] {
  const t6 = view(set, 'js06');
  const t8 = view(set, 'js08');
  const out: F[] = [];
  // 一般公共预算 basic spending is part of 财政拨款 basic spending; with no 政府性基金 basic
  // spending (no rows in its table) they are the same, line by line.
  const t10 = view(set, 'js10');
  const noFund = !t10 || t10.table.rows.every((r) => r.cells[1] === null);
  if (t6 && t8 && noFund) {
    out.push(compareSum(set, 'js08=js06', byKey(t8, 'total'), [byKey(t6, 'total')]));
    for (const r of t6.rowsWhere((x) => x.code !== null))
      out.push(compareSum(set, 'js08=js06', t8.byCode(r.code!, 'amount'), [t6.term(r, 'amount')]));
  }
  return out;
}

/** Every item of the three-公 table: 合计 = 三公 + 会议费 + 培训费; 三公 = its three items. */
function sanGong(set: FigureSet): F[] {
  const t = view(set, 'js09');
  if (!t) return [];
  const r = (key: string) => byKey(t, 'total', key);
  return [
    compareSum(set, 'js09.total', r('total'), [r('sanGong.total'), r('meetings'), r('training')]),
    compareSum(set, 'js09.sanGong', r('sanGong.total'), [
      r('sanGong.overseasTravel'),
      r('sanGong.vehicles'),
      r('sanGong.officialReception'),
    ]),
    compareSum(set, 'js09.vehicles', r('sanGong.vehicles'), [
      r('sanGong.vehiclePurchase'),
      r('sanGong.vehicleOperation'),
    ]),
  ];
}

/** 机关运行经费 (national definition): the basic 公用经费, i.e. 302 of the basic-spending table. */
function agency(set: FigureSet): F[] {
  const t11 = view(set, 'js11');
  const basic = view(set, 'js08') ?? view(set, 'js06');
  if (!t11 || !basic) return [];
  const total = t11.table.rows.find((x: Row) => x.key === 'total');
  const public302 = basic.table.rows.find((x: Row) => x.code === '302');
  if (!total) return [];
  return [
    compareSum(set, 'js11.agencyOperating=basic.public', t11.term(total, 'amount'), [
      basic.term(public302, 'amount'),
    ]),
  ];
}

function procurement(set: FigureSet): F[] {
  const t = view(set, 'js12');
  if (!t) return [];
  return [
    compareSum(
      set,
      'js12.total',
      byKey(t, 'total'),
      t.rowsWhere((r) => r.role === 'class').map((r) => t.term(r, 'amount')),
    ),
  ];
}

const stated = (set: FigureSet, key: string): Term => ({
  ref: { table: 'narrative', row: key, column: 'figure' },
  value: set.narrative[key] ?? null,
});
const indices = (set: FigureSet, prefix: string): number[] =>
  [
    ...new Set(
      Object.keys(set.narrative)
        .filter((k) => k.startsWith(prefix))
        .map((k) => Number(k.slice(prefix.length).split('.')[0])),
    ),
  ].sort((a, b) => a - b);
/** A 项 the explanation names otherwise than table 5 (the row its amount is found on). */
const nameFinding = (ref: Term['ref'], published: string, row: Row, name: string): Finding => ({
  ruleId: 'narrative.item.name=js05',
  cells: [ref, { table: 'js05', row: row.code!, column: 'item' }],
  published,
  computed: name,
  difference: '-',
  roundedTerms: 0,
  kind: 'inconsistency',
});

/**
 * Each 项 paragraph: its 项 is one of table 5's (named alone or after its 款 — "人大事务行政运行"),
 * its amount is that row's, and its percentage is the change over last year's amount (this year's
 * less the change). A 项 name table 5 does not print is matched by its amount under the named 款
 * and reported as a wrong name.
 */
function items(set: FigureSet): F[] {
  const t5 = view(set, 'js05');
  if (!t5) return [];
  const out: F[] = [];
  const rows = t5.rowsWhere((r) => r.code !== null);
  const name = (r: Row | undefined) => String(r?.cells[0] ?? '');
  const parentOf = (r: Row) => rows.find((p) => p.code === r.code!.slice(0, 5));
  for (const i of indices(set, 'js.item.')) {
    const key = (n: string) => `js.item.${i}.${n}`;
    const kuan = set.narrative[key('kuan')] ?? null;
    const xiang = set.narrative[key('xiang')]!;
    const leaves = rows.filter(
      (r) => r.code!.length === 7 && (kuan === null || name(parentOf(r)) === kuan),
    );
    let row = leaves.find(
      (r) => name(r) === xiang || (kuan === null && name(parentOf(r)) + name(r) === xiang),
    );
    if (!row) {
      row = leaves.find((r) => r.cells[1] === set.narrative[key('amount')]);
      if (row) out.push(nameFinding(stated(set, key('xiang')).ref, xiang, row, name(row)));
    }
    if (row)
      out.push(
        compareSum(set, 'narrative.item.amount=js05', stated(set, key('amount')), [
          t5.term(row, 'amount'),
        ]),
      );
    if (set.narrative[key('percent')] !== undefined) {
      const prior: Term = {
        ref: { table: 'narrative', row: `${key('amount')} − change (implied)`, column: 'figure' },
        value: minus(set.narrative[key('amount')]!, set.narrative[key('change')]!),
      };
      out.push(
        comparePercent(
          'narrative.item.percent',
          stated(set, key('percent')),
          stated(set, key('change')),
          prior,
        ),
      );
    }
  }
  return out;
}

/** Each 三公 item's share "占“三公”经费的 P%" is of the 三公 subtotal of table 9. */
function shares(set: FigureSet): F[] {
  const t9 = view(set, 'js09');
  if (!t9) return [];
  return indices(set, 'js.share.').map((i) =>
    comparePercent(
      'narrative.sanGong.share',
      stated(set, `js.share.${i}.percent`),
      stated(set, `js.share.${i}.amount`),
      byKey(t9, 'total', 'sanGong.total'),
    ),
  );
}

export function jiangsuFindings(set: FigureSet): Finding[] {
  return [
    ...summary(set),
    ...revenue(set),
    ...spending(set),
    ...fiscal(set),
    ...hierarchy(set, 'js05', 3, 2),
    ...hierarchy(set, 'js07', 3, 2),
    ...hierarchy(set, 'js10', 3, 2),
    ...functional(set),
    ...hierarchy(set, 'js06', 3, 2),
    ...hierarchy(set, 'js08', 3, 2),
    ...hierarchy(set, 'js11', 3, 2),
    ...economic(set),
    ...sanGong(set),
    ...agency(set),
    ...procurement(set),
    ...items(set),
    ...shares(set),
  ].filter((f): f is Finding => f !== null);
}
