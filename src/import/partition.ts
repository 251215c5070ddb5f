/**
 * An import file split by unit, before its lines are read: the header (which column is where),
 * and for each unit the file addresses, its rows and their line numbers. Units are independent —
 * each unit-year is its own stream, every line rule is a rule of one unit's lines — so each unit's
 * rows can be checked and decided on their own, in parallel (src/import/workers.ts). Pure.
 *
 * A CSV file without a single `"` (the common case, and every file a finance system exports
 * without free text) is split by its lines, as text: with no quoting, a record is a line and a
 * comma always ends a cell, so a row's unit is the text between two commas, and the unit's rows
 * are split into cells where they are checked. A file with quotes (parsed strictly by
 * csv-parse, src/import/csv.ts) and an XLSX sheet arrive as a grid of cells instead.
 */
import { plainCells, withLf } from './csv';
import { candidateKeys } from './plan';
import { isBlank, noHeader, noLines, readHeader, type GridRow, type Header } from './sheet';
import type { Column, ImportKind } from './template';

/**
 * One unit's rows: each data row's line number, and the rows as CSV text (one line each) or as
 * cells.
 */
export interface UnitRows {
  unitCode: string;
  lines: number[];
  rows: { text: string } | { cells: string[][] };
  /** The adjustment ids its rows give (adjustment files). */
  adjustmentIds: string[];
}

export interface Partition extends Header {
  /** Data rows in the file (blank lines left out). */
  rows: number;
  /** By unit, in order of first appearance. */
  units: UnitRows[];
}

export interface PartitionOptions {
  kind: ImportKind;
  /** --unit: the unit of rows whose unit_code is blank. */
  defaultUnit: string;
}

/**
 * Every idempotency key the unit's commands may have (plan.candidateKeys), from what the file says
 * of it without reading its lines: its row count and its adjustment ids.
 */
export const candidateKeysOf = (unit: UnitRows, sha256: string, chunkLines?: number): string[] =>
  candidateKeys(sha256, unit.unitCode, unit.lines.length, unit.adjustmentIds, chunkLines);

/** A file refused as a whole, with how many data rows it has (the report says "… in N lines"). */
const failed = (header: Header, rows = 0): Partition => ({ ...header, rows, units: [] });

const at = (header: Header, column: Column): number =>
  header.positions.find(([, c]) => c === column)?.[0] ?? -1;

/**
 * Cell `index` of the line text[from, to) of a text without quotes, trimmed ('' past its last
 * cell).
 */
function cellIn(text: string, from: number, to: number, index: number): string {
  let start = from;
  for (let i = 0; i < index; i++) {
    const comma = text.indexOf(',', start);
    if (comma < 0 || comma >= to) return '';
    start = comma + 1;
  }
  const comma = text.indexOf(',', start);
  return text.slice(start, comma < 0 || comma > to ? to : comma).trim();
}

const BLANK_LINE = /^[\s,]*$/;
const WHITESPACE_OR_COMMA = /[\s,]/;

/**
 * Is text[from, to) blank (nothing but whitespace and commas)? Most lines answer at their first
 * character.
 */
const isBlankAt = (text: string, from: number, to: number): boolean =>
  from === to || (WHITESPACE_OR_COMMA.test(text[from]!) && BLANK_LINE.test(text.slice(from, to)));

interface Gathering {
  unitCode: string;
  lines: number[];
  /** The unit's runs of adjacent lines, as slices of the file's text. */
  runs: string[];
  adjustmentIds: Set<string>;
}

/**
 * A CSV text with no `"` in it, split by lines (\r\n, \n or a lone \r, as csv.ts counts them).
 * One pass over the text, without a string per line: a unit's rows are mostly adjacent, so its
 * text is made of a few slices of the file's (the split of the bench's 100,000-line file went
 * from ~35 ms to ~10 ms, and the worker threads wait for it).
 */
export function partitionPlainCsv(input: string, opts: PartitionOptions): Partition {
  const text = withLf(input);
  let head: Header | undefined;
  let headLine = 0;
  let unitAt = -1;
  let adjustmentAt = -1;
  let rows = 0;
  const units = new Map<string, Gathering>();
  // The run being gathered: text[from, to) are adjacent rows of one unit.
  let run = null as { unit: Gathering; from: number; to: number } | null;
  const flush = () => run && run.unit.runs.push(text.slice(run.from, run.to));
  for (let from = 0, line = 1; from <= text.length; line++) {
    const end = text.indexOf('\n', from);
    const to = end < 0 ? text.length : end;
    if (!isBlankAt(text, from, to)) {
      if (!head) {
        head = readHeader({ line, cells: plainCells(text.slice(from, to)) }, opts.kind);
        headLine = line;
        unitAt = at(head, 'unit_code');
        adjustmentAt = opts.kind === 'adjustments' ? at(head, 'adjustment_id') : -1;
      } else {
        rows++;
        if (head.errors.length === 0) {
          const unitCode = (unitAt < 0 ? '' : cellIn(text, from, to, unitAt)) || opts.defaultUnit;
          let unit: Gathering | undefined =
            run?.unit.unitCode === unitCode ? run.unit : units.get(unitCode);
          if (!unit)
            units.set(
              unitCode,
              (unit = { unitCode, lines: [], runs: [], adjustmentIds: new Set<string>() }),
            );
          unit.lines.push(line);
          if (adjustmentAt >= 0) unit.adjustmentIds.add(cellIn(text, from, to, adjustmentAt));
          // The next line of the same unit extends its run; anything between starts a new one.
          if (run && run.unit === unit && run.to === from - 1) run.to = to;
          else {
            flush();
            run = { unit, from, to };
          }
        }
      }
    }
    if (end < 0) break;
    from = end + 1;
  }
  flush();
  if (!head) return failed({ columns: [], positions: [], ignored: [], errors: [noHeader] });
  if (head.errors.length > 0) return failed(head, rows);
  if (rows === 0) return failed({ ...head, errors: [noLines(headLine)] });
  return {
    ...head,
    rows,
    units: [...units.values()].map((u) => ({
      unitCode: u.unitCode,
      lines: u.lines,
      rows: { text: u.runs.join('\n') },
      adjustmentIds: [...u.adjustmentIds],
    })),
  };
}

/** A grid of cells (an XLSX sheet, or a CSV file with quotes), first non-blank row the header. */
export function partitionGrid(grid: readonly GridRow[], opts: PartitionOptions): Partition {
  const rows = grid.filter((r) => !isBlank(r.cells));
  const header = rows[0];
  if (!header) return failed({ columns: [], positions: [], ignored: [], errors: [noHeader] });
  const head = readHeader(header, opts.kind);
  const data = rows.slice(1);
  if (head.errors.length > 0) return failed(head, data.length);
  if (data.length === 0) return failed({ ...head, errors: [noLines(header.line)] });
  const unitAt = at(head, 'unit_code');
  const adjustmentAt = opts.kind === 'adjustments' ? at(head, 'adjustment_id') : -1;
  const cell = (cells: string[], i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());
  const units = new Map<
    string,
    { unitCode: string; lines: number[]; cells: string[][]; adjustmentIds: Set<string> }
  >();
  for (const r of data) {
    const unitCode = cell(r.cells, unitAt) || opts.defaultUnit;
    let unit = units.get(unitCode);
    if (!unit)
      units.set(unitCode, (unit = { unitCode, lines: [], cells: [], adjustmentIds: new Set() }));
    unit.cells.push(r.cells);
    unit.lines.push(r.line);
    if (adjustmentAt >= 0) unit.adjustmentIds.add(cell(r.cells, adjustmentAt));
  }
  return {
    ...head,
    rows: data.length,
    units: [...units.values()].map((u) => ({
      unitCode: u.unitCode,
      lines: u.lines,
      rows: { cells: u.cells },
      adjustmentIds: [...u.adjustmentIds],
    })),
  };
}
