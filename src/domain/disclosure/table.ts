/**
 * One table of the disclosure. Columns have stable keys (e.g. `total`, `generalPublicBudget`) so
 * code can read a cell by meaning; rows keep the published order and say what they are (`role`,
 * classification `code`, semantic `key`) so the consistency rules can find them. `toGeneric`
 * gives the plain rows-and-columns form renderers (and a parser of published documents) use.
 */
import type { Cell } from './amounts';

export const TABLE_IDS = [
  't01',
  't02',
  't03',
  't04',
  't05',
  't06',
  't07',
  't08',
  't09',
  't10',
  't11',
  't12',
  't13',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export type RowRole = 'total' | 'class' | 'item' | 'group' | 'unit' | 'project' | 'section';

export interface ColumnSpec {
  key: string;
  /** The leaf title as published (the CSV header). */
  title: string;
  kind: 'text' | 'amount';
}

export interface TableRow {
  role: RowRole;
  /** Classification code of the row (functional 类/款/项, economic 款), when it has one. */
  code: string | null;
  /**
   * Semantic id of a fixed row (e.g. `grandTotal`, `sanGong.vehicleOperation`), or a project code.
   */
  key: string | null;
  /** 1/2/3 for 类/款/项 rows. */
  level: number | null;
  cells: Record<string, Cell>;
}

export interface DisclosureTable {
  id: TableId;
  /** The printed label (预算公开表1) where the layout prints one. */
  label: string | null;
  title: string;
  unitName: string;
  moneyUnit: '万元' | '元';
  /** Header rows as published (merged cells repeated as ''), top to bottom. */
  headerRows: string[][];
  columns: ColumnSpec[];
  rows: TableRow[];
  /** 本表无数据 when the table has no amount at all. */
  note: string | null;
}

/** The plain form: header rows, rows of cells in column order, note. */
export interface GenericTable {
  id: string;
  title: string;
  moneyUnit: '万元' | '元';
  columns: string[][];
  /** Semantic column keys ('' when unknown, e.g. for a parsed column not recognised). */
  keys: string[];
  kinds: ('text' | 'amount')[];
  rows: { role: RowRole; code: string | null; key: string | null; cells: Cell[] }[];
  note: string | null;
}

export const EMPTY_TABLE_NOTE = '本表无数据';

export function row(
  role: RowRole,
  cells: Record<string, Cell>,
  extra: Partial<Pick<TableRow, 'code' | 'key' | 'level'>> = {},
): TableRow {
  return {
    role,
    code: extra.code ?? null,
    key: extra.key ?? null,
    level: extra.level ?? null,
    cells,
  };
}

/** True when no amount cell of the table holds a figure. */
export function hasNoAmounts(columns: readonly ColumnSpec[], rows: readonly TableRow[]): boolean {
  const amountKeys = columns.filter((c) => c.kind === 'amount').map((c) => c.key);
  return rows.every((r) =>
    amountKeys.every((k) => r.cells[k] === null || r.cells[k] === undefined),
  );
}

export function toGeneric(table: DisclosureTable): GenericTable {
  return {
    id: table.id,
    title: table.title,
    moneyUnit: table.moneyUnit,
    columns: table.headerRows.map((r) => [...r]),
    keys: table.columns.map((c) => c.key),
    kinds: table.columns.map((c) => c.kind),
    rows: table.rows.map((r) => ({
      role: r.role,
      code: r.code,
      key: r.key,
      cells: table.columns.map((c) => r.cells[c.key] ?? null),
    })),
    note: table.note,
  };
}
