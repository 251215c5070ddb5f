/**
 * The twelve Jiangsu tables as the published documents print them (data/corpus/text/jiangsu-*),
 * from the normalised tables of the renderer (src/domain/disclosure/layouts/jiangsu-12.ts: one row
 * per figure, keyed by meaning — left as they are, since the importer and the checker compare
 * those). Tables 1 and 4 two-sided: 收入 (项目名称 | 金额) beside 支出 (table 1: 功能分类 and 支出用途,
 * each 名称 | 金额; table 4: 支出用途), the totals at the foot, a spending total's amount in the last
 * column as the documents print it; table 2 with its groups (一般公共预算资金 | 小计 …); tables 3 and
 * 9 one row under their headings (table 9's merged: “三公”经费 over its items); the coded tables
 * 科目编码 | 科目名称 | 金额; an empty table with the documents' 注. What the HTML and PDF documents
 * print, and what the table reader (src/interchange/jiangsu.ts) reads back. Pure.
 */
import { chineseOrdinal } from '../domain/disclosure/layout';
import {
  JIANGSU_TABLE_IDS,
  withCodeColumn,
  type JiangsuLayout,
  type JiangsuTableId,
} from '../domain/disclosure/layouts/jiangsu-12';
import type { Cell } from '../domain/disclosure/amounts';
import type { GenericTable } from '../domain/disclosure/table';

type Row = GenericTable['rows'][number];

/** What the documents print under an empty table (公开10表 of a department without 政府性基金). */
export const JIANGSU_EMPTY_NOTE = '注：本部门无该项目';

/** 收入预算总表's groups: the label the documents print beside each group's 小计. */
const REVENUE_GROUPS: Record<string, string> = {
  'general-public': '一般公共预算资金',
  'government-fund': '政府性基金',
  'special-account': '财政专户管理资金',
  other: '其他资金',
  carryover: '上年结转和结余资金',
};

const byKey = (t: GenericTable, key: string): Row | undefined => t.rows.find((r) => r.key === key);
/** A printed entry: its label and amount (an empty cell when the table has no such row). */
const entry = (t: GenericTable, key: string): [Cell, Cell] => {
  const r = byKey(t, key);
  return [r?.cells[0] ?? null, r?.cells[1] ?? null];
};

/**
 * Sides printed beside each other, row by row (a shorter side leaves its cells empty), then the
 * foot rows (totals) as given.
 */
function sideBySide(sides: [Cell, Cell][][], foot: Cell[][]): Row[] {
  const height = Math.max(...sides.map((s) => s.length));
  const body = Array.from({ length: height }, (_, i) => sides.flatMap((s) => s[i] ?? [null, null]));
  return [...body, ...foot].map((cells, i) => ({
    role: i < height ? 'item' : 'total',
    code: null,
    key: null,
    cells,
  }));
}

function twoSided(t: GenericTable, columns: string[][], sides: [Cell, Cell][][], foot: string[][]) {
  const width = sides.length * 2;
  const footRows = foot.map(([revenue, spending]) => {
    const [rl, ra] = entry(t, revenue!);
    const [sl, sa] = entry(t, spending!);
    // The spending total's label under 支出's first name, its amount in the last column.
    const cells: Cell[] = Array.from({ length: width }, () => null);
    [cells[0], cells[1], cells[2], cells[width - 1]] = [rl, ra, sl, sa];
    return cells;
  });
  return {
    ...t,
    columns,
    keys: columns.at(-1)!.map((_, i) => `${Math.floor(i / 2)}.${i % 2 ? 'amount' : 'item'}`),
    kinds: columns.at(-1)!.map((_, i) => (i % 2 ? 'amount' : 'text') as 'text' | 'amount'),
    rows: sideBySide(sides, footRows),
  };
}

const REVENUE = [
  'revenue.fiscal',
  'revenue.general-public',
  'revenue.government-fund',
  'revenue.special-account',
  'revenue.other',
];
const PURPOSES = ['purpose.basic', 'purpose.project', 'purpose.reserve'];

/** 收支预算总表: 收入 | 功能分类 (the classes, numbered) | 支出用途. */
function summary(t: GenericTable): GenericTable {
  const classes = t.rows
    .filter((r) => r.key?.startsWith('class:'))
    .map((r, i): [Cell, Cell] => [`${chineseOrdinal(i + 1)}、${r.cells[0] ?? ''}`, r.cells[1]]);
  return twoSided(
    t,
    [
      ['收入', '', '支出', '', '', ''],
      ['项目名称', '金额', '功能分类', '', '支出用途', ''],
      ['', '', '功能科目名称', '金额', '项目名称', '金额'],
    ],
    [REVENUE.map((k) => entry(t, k)), classes, PURPOSES.map((k) => entry(t, k))],
    [
      ['revenue.currentYear', 'spending.currentYear'],
      ['revenue.carriedOver', 'spending.carryForward'],
      ['revenue.total', 'spending.total'],
    ],
  );
}

/** 财政拨款收支预算总表: 收入 | 支出用途. */
function fiscalSummary(t: GenericTable): GenericTable {
  return twoSided(
    t,
    [
      ['收入', '', '支出', ''],
      ['项目名称', '金额', '项目名称', '金额'],
    ],
    [
      ['revenue.general-public', 'revenue.government-fund'].map((k) => entry(t, k)),
      PURPOSES.map((k) => entry(t, k)),
    ],
    [['revenue.total', 'spending.total']],
  );
}

/** 收入预算总表: the group's name beside its 小计, its items below. */
function revenue(t: GenericTable): GenericTable {
  return {
    ...t,
    columns: [['项目名称', '', '金额']],
    keys: ['group', 'item', 'amount'],
    kinds: ['text', 'text', 'amount'],
    rows: t.rows.map((r) => {
      const group = r.key?.startsWith('subtotal:') ? REVENUE_GROUPS[r.key.slice(9)] : undefined;
      const cells: Cell[] =
        r.key === 'total'
          ? [r.cells[0], null, r.cells[1]]
          : [group ?? null, r.cells[0], r.cells[1]];
      return { ...r, cells };
    }),
  };
}

/** “三公”经费、会议费、培训费: the documents' merged header over the one row of amounts. */
const SAN_GONG_HEADER = [
  ['合计', '“三公”经费', '', '', '', '', '', '会议费', '培训费'],
  ['', '小计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费', '', ''],
  ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '', '', ''],
];

const isEmpty = (t: GenericTable) =>
  t.rows.every((r) => r.cells.every((c, k) => t.kinds[k] !== 'amount' || c === null));

/** A coded (or 合计-and-items) table: 科目编码 | 科目名称 | 金额; empty, the documents' 注. */
function listed(t: GenericTable, heading: string[]): GenericTable {
  const coded = heading[0] !== '' ? withCodeColumn(t, true) : t;
  return {
    ...coded,
    columns: [heading[0] !== '' ? heading : heading.slice(1)],
    // The name column, which the documents indent by level (款, 项 under their 类).
    keys: coded.keys.map((k) => (k === 'item' ? 'name' : k)),
    note: isEmpty(t) ? JIANGSU_EMPTY_NOTE : t.note,
  };
}

/** One table as printed. */
export function printedJiangsuTable(t: GenericTable): GenericTable {
  const id = t.id as JiangsuTableId;
  if (id === 'js01') return summary(t);
  if (id === 'js04') return fiscalSummary(t);
  if (id === 'js02') return revenue(t);
  if (id === 'js09') return { ...t, columns: SAN_GONG_HEADER };
  if (id === 'js03') return t;
  if (id === 'js12') return listed(t, ['', '采购品目大类', '金额']);
  return listed(t, ['科目编码', '科目名称', '金额']);
}

/** The twelve tables as printed, in the layout's order. */
export const printedJiangsuTables = (layout: JiangsuLayout): GenericTable[] =>
  JIANGSU_TABLE_IDS.map((id) => printedJiangsuTable(layout.tables[id]));
