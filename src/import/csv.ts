/**
 * CSV import files: UTF-8 with or without a BOM, comma-separated, quoted as RFC 4180 (a quoted
 * cell may hold commas, line breaks and `""` for a quote), records ended by \n, \r\n or \r.
 * Pure: bytes in, a Sheet out. Line numbers are the file's own (the header is line 1), as an
 * editor shows them; a record with a quoted cell spanning lines is numbered by its last line.
 *
 * A small hand-written scanner rather than csv-parse: it reads the same files into the same grid
 * (tests/unit/import/parse.test.ts compares the two on generated files) at about ten times the
 * speed, which matters for a 100,000-line import. A malformed file (a quote left open, text
 * after a closing quote, a quote inside an unquoted cell) is one error, with its line.
 */
import { sheetFromGrid, type GridRow, type Sheet } from './sheet';
import type { ImportKind } from './template';

class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const QUOTE = 34; // "
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Records of a CSV text with the (1-based) line each ends on; empty lines are skipped. */
export function parseCsvGrid(text: string): GridRow[] {
  const rows: GridRow[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    // An empty line: no record.
    if (c0 === LF || c0 === CR) {
      i += c0 === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const cells: string[] = [];
    let broken = false; // the record ended with a line break (not the end of the text)
    for (;;) {
      // One cell, starting at i.
      if (text.charCodeAt(i) === QUOTE) {
        const startLine = line;
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) throw new CsvError(`Quote Not Closed: the parsing is finished with an opening quote at line ${startLine}`, countLines(text, from, n, line));
          line = countLines(text, from, q, line);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        cells.push(value);
        const c = i < n ? text.charCodeAt(i) : LF;
        if (c !== COMMA && c !== LF && c !== CR) {
          throw new CsvError(`Invalid Closing Quote: got "${text[i]}" at line ${line} instead of delimiter, record delimiter or end of file`, line);
        }
      } else {
        let j = i;
        let c = 0;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw new CsvError(`Invalid Opening Quote: a quote is found on field ${cells.length + 1} at line ${line}, value is ${JSON.stringify(text.slice(i, j))}`, line);
          }
          j++;
        }
        cells.push(text.slice(i, j));
        i = j;
      }
      // After a cell: a comma (another cell), a record's end, or the end of the text.
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      broken = true;
      break;
    }
    rows.push({ line, cells });
    if (broken) line++;
  }
  return rows;
}

/** `line` plus the line breaks in text[from, to) (\r\n counts once). */
function countLines(text: string, from: number, to: number, line: number): number {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF) line++;
    else if (c === CR && text.charCodeAt(k + 1) !== LF) line++;
  }
  return line;
}

export function parseCsvSheet(input: Buffer | string, kind: ImportKind): Sheet {
  let grid: GridRow[];
  try {
    grid = parseCsvGrid(typeof input === 'string' ? input : input.toString('utf8'));
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    return { columns: [], ignored: [], rows: [], errors: [{ line: err.line, column: null, ruleId: 'import.csv', message: `not a readable CSV file: ${err.message}` }] };
  }
  return sheetFromGrid(grid, kind);
}
