/**
 * Header rows → one semantic key per column. A column's header path is its cells from top to
 * bottom, an empty upper cell taking the text of a merged cell on its left (only within the span
 * of the cell above it), e.g. "本年支出/预算数/基本支出/人员经费". The table kind's rules map paths
 * to keys; a column no rule recognises gets the key '' and is reported.
 */
import { isAmount } from './amounts';
import { titleKey, type TableKind } from './catalogue';
import type { DocLine } from './lines';

export interface Columns {
  keys: string[];
  kinds: ('text' | 'amount')[];
  paths: string[];
}

/** A row of column numbers ("1 2 3 … n") printed under some headers. */
export const isNumberingRow = (cells: string[]): boolean => {
  const filled = cells.filter((c) => c !== '');
  return filled.length >= 2 && filled.every((c, i) => c === String(i + 1));
};

/**
 * The first row that holds data: an amount, or a lone 合计 (an empty table's total row) or 无 (the
 * row an empty table prints in place of its rows).
 */
export function isDataRow(cells: string[]): boolean {
  if (isNumberingRow(cells)) return false;
  if (cells.some((c) => isAmount(c))) return true;
  const filled = cells.filter((c) => c !== '');
  return filled.length === 1 && /^((部门)?合计|无)$/.test(cells[0] ?? '');
}

/** `isLabel` recognises a data row by its label, for tables whose first rows may be empty (三公). */
export function splitHeader(
  grid: DocLine[],
  isLabel: (cells: string[]) => boolean = () => false,
): { header: DocLine[]; body: DocLine[] } {
  const first = grid.findIndex((l) => isDataRow(l.cells!) || isLabel(l.cells!));
  return first < 0
    ? { header: grid, body: [] }
    : { header: grid.slice(0, first), body: grid.slice(first) };
}

function paths(header: string[][], width: number): string[] {
  const rows = header
    .filter((r) => !isNumberingRow(r))
    .map((r) => Array.from({ length: width }, (_, i) => titleKey(r[i] ?? '')));
  // Fill merged upper cells rightwards, never across a boundary of the row above.
  const filled = rows.map((r) => [...r]);
  for (let y = 0; y < filled.length - 1; y++) {
    for (let x = 1; x < width; x++) {
      const sameParent = y === 0 || filled[y - 1]![x] === filled[y - 1]![x - 1];
      if (filled[y]![x] === '' && sameParent) filled[y]![x] = filled[y]![x - 1]!;
    }
  }
  return Array.from({ length: width }, (_, x) =>
    filled
      .map((r) => r[x]!)
      .filter((c, y, all) => c !== '' && c !== all[y - 1])
      .join('/'),
  );
}

export function resolveColumns(kind: TableKind, header: DocLine[], width: number): Columns {
  const p = paths(
    header.map((l) => l.cells!),
    width,
  );
  const keys: string[] = [];
  const kinds: ('text' | 'amount')[] = [];
  for (const path of p) {
    const rule = kind.columns.find((r) => r.path.test(path) && !keys.includes(r.key));
    keys.push(rule?.key ?? '');
    kinds.push(rule?.kind ?? 'text');
  }
  return { keys, kinds, paths: p };
}
