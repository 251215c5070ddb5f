/**
 * The neutral form of an import file, whatever its format: the header's columns and the data
 * rows with their line numbers (1-based, as the user sees them: a CSV line or a spreadsheet row).
 * Pure: a parser hands in the grid, this maps headers to template columns.
 */
import { columnOf, REQUIRED_COLUMNS, type Column, type ImportKind } from './template';

/** One problem with the file, tied to the line (and column) a user should look at. */
export interface ImportError {
  line: number;
  column: Column | null;
  /** A ledger rule id (code.unknown, money.format, policy.… ) or an import rule (import.…). */
  ruleId: string;
  message: string;
}

export interface ImportRow {
  line: number;
  cells: Partial<Record<Column, string>>;
}

export interface Sheet {
  /** The template columns found in the header, in file order. */
  columns: Column[];
  /** Header cells that name no template column; their cells are ignored. */
  ignored: string[];
  rows: ImportRow[];
  errors: ImportError[];
}

export interface GridRow {
  line: number;
  cells: string[];
}

export const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** Where each template column is in a file's rows, from its header row. */
export interface Header {
  /** The template columns found in the header, in file order. */
  columns: Column[];
  /** Each column's cell index. */
  positions: [number, Column][];
  ignored: string[];
  errors: ImportError[];
}

/** Maps a header row's cells to template columns; checks them for `kind`. */
export function readHeader(header: GridRow, kind: ImportKind): Header {
  const errors: ImportError[] = [];
  const positions: [number, Column][] = [];
  const ignored: string[] = [];
  const seen = new Map<Column, number>();
  header.cells.forEach((text, i) => {
    const column = columnOf(text);
    if (column === null) {
      if (text.trim() !== '') ignored.push(text.trim());
      return;
    }
    if (seen.has(column)) {
      errors.push({
        line: header.line,
        column,
        ruleId: 'import.header',
        message: `column ${column} appears twice (columns ${seen.get(column)! + 1} and ${i + 1})`,
      });
      return;
    }
    seen.set(column, i);
    positions.push([i, column]);
  });
  for (const column of REQUIRED_COLUMNS[kind]) {
    if (!seen.has(column))
      errors.push({
        line: header.line,
        column,
        ruleId: 'import.header',
        message: `the header has no ${column} column (a ${kind} file needs ${REQUIRED_COLUMNS[kind].join(', ')})`,
      });
  }
  return { columns: positions.map(([, c]) => c), positions, ignored, errors };
}

/** A data row's cells by column, trimmed. */
export function importRow(
  line: number,
  cells: readonly string[],
  positions: readonly [number, Column][],
): ImportRow {
  const row: Partial<Record<Column, string>> = {};
  // An indexed loop: this runs for every cell of every row of a file.
  for (let p = 0; p < positions.length; p++) {
    const [i, column] = positions[p]!;
    row[column] = (cells[i] ?? '').trim();
  }
  return { line, cells: row };
}

/**
 * The rows of a text without quotes, one a line (`lines[i]` the file line of line i), by column:
 * importRow over each line's cells split at its commas (csv.ts plainCells), without the array of
 * cells in between — each cell is sliced from the text straight into its row (the split and the
 * arrays were a sixth of an import's work per line). The same rows as importRow(plainCells(line)).
 */
export function importRowsOfText(
  text: string,
  lines: readonly number[],
  positions: readonly [number, Column][],
): ImportRow[] {
  const columnAt: (Column | undefined)[] = [];
  for (const [i, column] of positions) columnAt[i] = column;
  const last = columnAt.length - 1;
  const rows: ImportRow[] = [];
  for (let from = 0, n = 0; n < lines.length; n++) {
    const end = text.indexOf('\n', from);
    const to = end < 0 ? text.length : end;
    const row: Partial<Record<Column, string>> = {};
    // Every column of the header gets a value, '' past the line's last cell (as importRow).
    for (let p = 0; p < positions.length; p++) row[positions[p]![1]] = '';
    for (let i = 0, start = from; i <= last && start <= to; i++) {
      const comma = text.indexOf(',', start);
      const stop = comma < 0 || comma > to ? to : comma;
      const column = columnAt[i];
      if (column !== undefined) row[column] = text.slice(start, stop).trim();
      start = stop + 1;
    }
    rows.push({ line: lines[n]!, cells: row });
    from = to + 1;
  }
  return rows;
}

export const noLines = (line: number): ImportError => ({
  line,
  column: null,
  ruleId: 'import.empty',
  message: 'the file has a header but no lines',
});
export const noHeader: ImportError = {
  line: 1,
  column: null,
  ruleId: 'import.empty',
  message: 'the file has no header and no lines',
};

/** Maps a grid (first non-blank row = header) to a Sheet; checks the header for `kind`. */
export function sheetFromGrid(grid: readonly GridRow[], kind: ImportKind): Sheet {
  const rows = grid.filter((r) => !isBlank(r.cells));
  const header = rows[0];
  if (!header) return { columns: [], ignored: [], rows: [], errors: [noHeader] };
  const { columns, positions, ignored, errors } = readHeader(header, kind);
  const data = rows.slice(1).map((r) => importRow(r.line, r.cells, positions));
  if (data.length === 0 && errors.length === 0) errors.push(noLines(header.line));
  return { columns, ignored, rows: data, errors };
}
