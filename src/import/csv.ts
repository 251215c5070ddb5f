/**
 * CSV import files (csv-parse): UTF-8 with or without a BOM, comma-separated, quoted as RFC 4180.
 * Pure: bytes in, a Sheet out. Line numbers are the file's own (the header is line 1), as an
 * editor shows them; a record with a quoted cell spanning lines is numbered by its last line.
 */
import { parse } from 'csv-parse/sync';
import { sheetFromGrid, type GridRow, type Sheet } from './sheet';
import type { ImportKind } from './template';

export function parseCsvSheet(input: Buffer | string, kind: ImportKind): Sheet {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(input, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return { columns: [], ignored: [], rows: [], errors: [{ line: e.lines ?? 1, column: null, ruleId: 'import.csv', message: `not a readable CSV file: ${e.message ?? String(err)}` }] };
  }
  const grid: GridRow[] = records.map((r) => ({ line: r.info.lines, cells: r.record }));
  return sheetFromGrid(grid, kind);
}
