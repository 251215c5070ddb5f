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
import { plainCells, splitLines } from './csv';
import { candidateKeys } from './plan';
import { isBlank, noHeader, noLines, readHeader, type GridRow, type Header } from './sheet';
import type { Column, ImportKind } from './template';

/** One unit's rows: each data row's line number, and the rows as CSV text (one line each) or as cells. */
export interface UnitRows {
  unitCode: string;
  lines: number[];
  rows: { text: string } | { cells: string[][] };
  /** Idempotency keys its commands may have (plan.candidateKeys). */
  candidateKeys: string[];
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
  sha256: string;
  chunkLines?: number;
}

/** A file refused as a whole, with how many data rows it has (the report says "… in N lines"). */
const failed = (header: Header, rows = 0): Partition => ({ ...header, rows, units: [] });

/** The cell at `index` of a line without quotes, trimmed ('' past the last cell). */
function cellAt(line: string, index: number): string {
  let from = 0;
  for (let i = 0; i < index; i++) {
    from = line.indexOf(',', from) + 1;
    if (from === 0) return '';
  }
  const to = line.indexOf(',', from);
  return (to < 0 ? line.slice(from) : line.slice(from, to)).trim();
}

const BLANK_LINE = /^[\s,]*$/;

/** Groups rows by unit; `cell(row, column)` reads one cell of a row, `keep` the row as the task needs it. */
function byUnit<R>(rows: readonly R[], lines: readonly number[], header: Header, opts: PartitionOptions, cell: (row: R, at: number) => string): { rows: R[]; unitCode: string; lines: number[]; adjustmentIds: Set<string> }[] {
  const at = (column: Column) => header.positions.find(([, c]) => c === column)?.[0];
  const unitAt = at('unit_code');
  const adjustmentAt = opts.kind === 'adjustments' ? at('adjustment_id') : undefined;
  const units = new Map<string, { rows: R[]; unitCode: string; lines: number[]; adjustmentIds: Set<string> }>();
  rows.forEach((row, i) => {
    const unitCode = (unitAt === undefined ? '' : cell(row, unitAt)) || opts.defaultUnit;
    let unit = units.get(unitCode);
    if (!unit) units.set(unitCode, (unit = { rows: [], unitCode, lines: [], adjustmentIds: new Set() }));
    unit.rows.push(row);
    unit.lines.push(lines[i]!);
    if (adjustmentAt !== undefined) unit.adjustmentIds.add(cell(row, adjustmentAt));
  });
  return [...units.values()];
}

const keysOf = (u: { unitCode: string; lines: number[]; adjustmentIds: Set<string> }, opts: PartitionOptions) =>
  candidateKeys(opts.sha256, u.unitCode, u.lines.length, [...u.adjustmentIds], opts.chunkLines);

/** A CSV text with no `"` in it, split by lines (\r\n, \n or a lone \r, as csv.ts counts them). */
export function partitionPlainCsv(text: string, opts: PartitionOptions): Partition {
  const all = splitLines(text);
  const lines: number[] = [];
  const texts: string[] = [];
  let header: GridRow | undefined;
  all.forEach((line, i) => {
    if (BLANK_LINE.test(line)) return;
    if (!header) header = { line: i + 1, cells: plainCells(line) };
    else {
      lines.push(i + 1);
      texts.push(line);
    }
  });
  if (!header) return failed({ columns: [], positions: [], ignored: [], errors: [noHeader] });
  const head = readHeader(header, opts.kind);
  if (head.errors.length > 0) return failed(head, texts.length);
  if (texts.length === 0) return failed({ ...head, errors: [noLines(header.line)] });
  const units = byUnit(texts, lines, head, opts, cellAt);
  return { ...head, rows: texts.length, units: units.map((u) => ({ unitCode: u.unitCode, lines: u.lines, rows: { text: u.rows.join('\n') }, candidateKeys: keysOf(u, opts) })) };
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
  const units = byUnit(
    data.map((r) => r.cells),
    data.map((r) => r.line),
    head,
    opts,
    (cells, at) => (cells[at] ?? '').trim(),
  );
  return { ...head, rows: data.length, units: units.map((u) => ({ unitCode: u.unitCode, lines: u.lines, rows: { cells: u.rows }, candidateKeys: keysOf(u, opts) })) };
}
