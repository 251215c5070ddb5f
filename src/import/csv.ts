/**
 * CSV import files: UTF-8 with or without a BOM, comma-separated, quoted as RFC 4180. Pure. Line
 * numbers are the file's own (the header is line 1), as an editor shows them; a record with a
 * quoted cell spanning lines is numbered by its first line.
 *
 * Two readings, chosen by one fact. A file without a single `"` has no quoting to get wrong: a
 * record is a line (`splitLines`) and every comma ends a cell (`plainCells`); the import
 * splits such a file by unit this way (partition.ts) and reads each unit's lines where they are
 * checked. A file with quotes goes to csv-parse (`strictGrid`), which holds quoting to RFC 4180
 * and refuses a stray quote (`ab"c`, `P"1,2"`) instead of reading on and silently splitting or
 * keeping a cell, which would shift a row's columns without an error. `parseCsvSheet` reads a
 * whole file either way into a Sheet.
 */
import { parse } from 'csv-parse/sync';
import { sheetFromGrid, type GridRow, type Sheet } from './sheet';
import type { ImportKind } from './template';

const unreadable = (line: number, why: string): Sheet => ({
  columns: [],
  ignored: [],
  rows: [],
  errors: [
    { line, column: null, ruleId: 'import.csv', message: `not a readable CSV file: ${why}` },
  ],
});

/** Line breaks (\n, or a lone \r) in text[from, to). A \r\n pair is one. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

export function parseCsvSheet(input: Buffer | string, kind: ImportKind): Sheet {
  const text = decode(input);
  if (text === null) return notUtf8();
  if (!text.includes('"')) return fastGrid(text, kind);
  const grid = strictGrid(text);
  return Array.isArray(grid) ? sheetFromGrid(grid, kind) : grid;
}

export const notUtf8 = (): Sheet => unreadable(1, 'it is not UTF-8 text');

/** The text of a CSV file: UTF-8 (anything else is null), without its BOM. */
export function decode(input: Buffer | string): string | null {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    // fatal: bytes that are not UTF-8 are refused rather than read as U+FFFD; the BOM is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return null;
  }
}

/**
 * csv-parse, strict about quotes. Line numbers from each record's raw text, which holds the line
 * breaks inside it and (the CR of a CRLF, or the LF) the one that ends it: csv-parse's own
 * `info.lines` counts a CRLF inside a quoted cell twice.
 * Blank lines are kept as records so that no line goes uncounted; sheetFromGrid drops them.
 */
export function strictGrid(text: string): GridRow[] | Sheet {
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, {
      raw: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return unreadable(e.lines ?? 1, e.message ?? String(err));
  }
  let line = 1;
  const grid: GridRow[] = records.map((r) => {
    const row = { line, cells: r.record };
    line += lineBreaks(r.raw, 0, r.raw.length);
    return row;
  });
  return grid;
}

/** The text with every line break (\r\n, \n or a lone \r, as lineBreaks counts them) as \n. */
export const withLf = (text: string): string =>
  text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;

/** The lines of a text, split at \r\n, \n or a lone \r (as lineBreaks counts them). */
export const splitLines = (text: string): string[] => withLf(text).split('\n');

/**
 * The cells of one line of a text without a single `"`. With no quotes, RFC 4180 leaves nothing to
 * interpret: a record is a line and every comma ends a cell, so this is String#split, the
 * cheapest reading of the import's hot path (BENCHMARKS.md, line-item import). A text with
 * quotes never comes here (csv-parse reads it).
 */
export const plainCells = (line: string): string[] => line.split(',');

/** Text without quotes: a record a line, its cells split at its commas. */
function fastGrid(text: string, kind: ImportKind): Sheet {
  return sheetFromGrid(
    splitLines(text).map((line, i) => ({ line: i + 1, cells: plainCells(line) })),
    kind,
  );
}
