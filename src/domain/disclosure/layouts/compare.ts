/**
 * Figure-by-figure comparison of rendered tables with a published document's tables (both in the
 * generic form), exact in the tables' own money unit: every amount cell the document prints (an
 * empty cell is 0) against the rendered row that has the same classification code or semantic key,
 * plus any rendered row with money that the document does not print. Pure.
 */
import type { Cell } from '../amounts';
import type { GenericTable } from '../table';

export interface FigureMismatch {
  table: string;
  row: string;
  column: string;
  published: Cell;
  rendered: Cell;
}

export interface FigureComparison {
  /** Amount cells of the published tables compared (empty ones included, as 0). */
  compared: number;
  /** Of those, how many print a figure. */
  printed: number;
  mismatches: FigureMismatch[];
}

/** "171,915,169" / "171915169.00" / null → hundredths (exact); null and '' are 0. */
export function hundredths(c: Cell): number {
  if (c === null || c.trim() === '') return 0;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(c.replace(/,/g, '').trim());
  if (!m) return Number.NaN;
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] === '-' ? -v : v;
}

type Row = GenericTable['rows'][number];
const keyId = (r: Row) => `key ${r.key === 'currentYear' ? 'grandTotal' : (r.key ?? '?')}`;
/**
 * Two-sided tables (1, 4) print revenue rows beside spending rows: the revenue cell belongs to the
 * revenue row (its key).
 */
const rowId = (r: Row, column: string) =>
  column === 'revenueAmount' || !r.code ? keyId(r) : `code ${r.code}`;

/**
 * Every amount cell of the tables, keyed `<table index>|<row id>|<column key>` (the key the
 * comparison aligns on).
 */
export function amountCells(tables: readonly GenericTable[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  tables.forEach((t, i) =>
    t.rows.forEach((r) =>
      t.keys.forEach((key, k) => {
        if (t.kinds[k] === 'amount') out.set(`${i}|${rowId(r, key)}|${key}`, r.cells[k] ?? null);
      }),
    ),
  );
  return out;
}

/**
 * Compares `published[i]` with `rendered[i]` for every i (the layouts print tables in the same
 * order), cell by cell.
 */
export function compareTables(
  published: readonly GenericTable[],
  rendered: readonly GenericTable[],
): FigureComparison {
  const out: FigureComparison = { compared: 0, printed: 0, mismatches: [] };
  const pub = amountCells(published);
  const ren = amountCells(rendered);
  const split = (k: string) => {
    const [i, row, column] = k.split('|') as [string, string, string];
    return { table: published[Number(i)]?.id ?? rendered[Number(i)]?.id ?? i, row, column };
  };
  published.forEach((t, i) => {
    if (!rendered[i])
      out.mismatches.push({
        table: t.id,
        row: '(table)',
        column: '',
        published: t.title,
        rendered: null,
      });
  });
  for (const [k, p] of pub) {
    const r = ren.get(k) ?? null;
    out.compared++;
    if (p !== null && p !== '') out.printed++;
    if (hundredths(p) !== hundredths(r))
      out.mismatches.push({ ...split(k), published: p, rendered: r });
  }
  for (const [k, r] of ren)
    if (!pub.has(k) && hundredths(r) !== 0)
      out.mismatches.push({ ...split(k), published: null, rendered: r });
  return out;
}
