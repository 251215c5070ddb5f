/**
 * XLSX export (exceljs): one sheet per table (表1 … 表13 of the seed's layout, 表1 … 表9 of the
 * Shanghai one), as published — the title row, the compiling unit and money unit, the header rows
 * with their merged cells (see header.ts), then the rows. Amounts are numbers with the number
 * format 0.00; codes and names are text; empty cells stay empty; a table without data carries its
 * note (本表无数据) under the header. A layout is a renderer over the same facts: any layout's
 * tables in their plain form (GenericTable) make a workbook the same way.
 */
import ExcelJS from 'exceljs';
import {
  TABLE_IDS,
  type Disclosure,
  type DisclosureTable,
  type TableRow,
} from '../domain/disclosure';
import { leafTitles } from '../domain/disclosure/layouts/shanghai-9';
import type { GenericTable } from '../domain/disclosure/table';
import { headerCells } from './header';
import { withZipDates } from './zip-dates';

export const AMOUNT_FORMAT = '0.00';

/** Sheet name of a table: 表1 … 表13. */
export const sheetName = (id: string): string => `表${Number(id.slice(1))}`;

/** Where the parts of a sheet start (1-based rows), for readers and tests. */
export interface SheetLayout {
  titleRow: number;
  unitRow: number;
  firstHeaderRow: number;
  firstDataRow: number;
}

/** What a sheet is made from: a table of the seed's layout, or any layout's table in that shape. */
export type SheetTable = Pick<
  DisclosureTable,
  'label' | 'title' | 'unitName' | 'moneyUnit' | 'headerRows' | 'columns' | 'rows' | 'note'
>;

export function sheetLayout(table: SheetTable): SheetLayout {
  return { titleRow: 1, unitRow: 2, firstHeaderRow: 3, firstDataRow: 3 + table.headerRows.length };
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function columnWidths(table: SheetTable): number[] {
  return table.columns.map((col, i) => {
    const texts = [col.title, ...table.rows.map((r) => r.cells[col.key] ?? '')];
    const longest = Math.max(
      ...texts.map((t) => [...t].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0)),
    );
    const min = col.kind === 'amount' ? 12 : 8;
    return Math.min(i === 0 || col.kind === 'text' ? 60 : 18, Math.max(min, longest + 2));
  });
}

function addRow(ws: ExcelJS.Worksheet, table: SheetTable, rowNumber: number, row: TableRow): void {
  const out = ws.getRow(rowNumber);
  table.columns.forEach((col, i) => {
    const cell = out.getCell(i + 1);
    const value = row.cells[col.key] ?? null;
    cell.border = THIN;
    if (value === null || value === '') return;
    if (col.kind === 'amount') {
      cell.value = Number(value);
      cell.numFmt = AMOUNT_FORMAT;
      cell.alignment = { horizontal: 'right' };
    } else {
      cell.value = value;
      if (row.level !== null && row.level > 1 && col.key === 'name')
        cell.alignment = { indent: row.level - 1 };
    }
    if (row.role === 'total') cell.font = { bold: true };
  });
}

function addSheet(wb: ExcelJS.Workbook, name: string, table: SheetTable): void {
  const width = table.columns.length;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: width > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
    headerFooter: { oddHeader: table.label ? `&L${table.label}` : '', oddFooter: '&C第 &P 页' },
  });
  const layout = sheetLayout(table);
  ws.columns = columnWidths(table).map((w) => ({ width: w }));

  const title = ws.getCell(layout.titleRow, 1);
  title.value = table.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  if (width > 1) ws.mergeCells(layout.titleRow, 1, layout.titleRow, width);
  ws.getRow(layout.titleRow).height = 24;

  ws.getCell(layout.unitRow, 1).value = `编制单位：${table.unitName}`;
  const unitCell = ws.getCell(layout.unitRow, width);
  unitCell.value =
    width > 1
      ? `单位：${table.moneyUnit}`
      : `编制单位：${table.unitName}\u3000单位：${table.moneyUnit}`;
  if (width > 1) unitCell.alignment = { horizontal: 'right' };

  for (const h of headerCells(table.headerRows)) {
    const top = layout.firstHeaderRow + h.row;
    const left = h.col + 1;
    const cell = ws.getCell(top, left);
    if (h.text !== '') cell.value = h.text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let r = top; r < top + h.rowSpan; r++)
      for (let c = left; c < left + h.colSpan; c++) ws.getCell(r, c).border = THIN;
    if (h.rowSpan > 1 || h.colSpan > 1)
      ws.mergeCells(top, left, top + h.rowSpan - 1, left + h.colSpan - 1);
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.firstDataRow - 1 }];

  let r = layout.firstDataRow;
  for (const row of table.rows) addRow(ws, table, r++, row);
  if (table.note) {
    const note = ws.getCell(r, 1);
    note.value = table.note;
    note.alignment = { horizontal: 'center' };
    if (width > 1) ws.mergeCells(r, 1, r, width);
  }
  ws.pageSetup.printTitlesRow = `${layout.firstHeaderRow}:${layout.firstDataRow - 1}`;
}

function workbook(
  title: string,
  fiscalYear: number,
  sheets: readonly [string, SheetTable][],
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'budget-ledger';
  wb.title = title;
  // A fixed date keeps the file's metadata reproducible for the same disclosure.
  wb.created = new Date(Date.UTC(fiscalYear, 0, 1));
  wb.modified = wb.created;
  for (const [name, table] of sheets) addSheet(wb, name, table);
  return wb;
}

/** The workbook of the 13 tables. */
export function disclosureWorkbook(disclosure: Disclosure): ExcelJS.Workbook {
  const title = `${disclosure.department.name}${disclosure.fiscalYear}年度单位预算公开`;
  return workbook(
    title,
    disclosure.fiscalYear,
    TABLE_IDS.map((id) => [sheetName(id), disclosure.tables[id]]),
  );
}

/**
 * A table in its plain form as a sheet: columns keyed by position (a parsed or rendered layout's
 * keys may be blank or repeat), titled by their lowest header cell; rows carry no 类/款/项 level.
 */
export function sheetOfGeneric(table: GenericTable, unitName: string): SheetTable {
  const keys = table.kinds.map((_, k) => `c${k}`);
  const titles = leafTitles(table);
  return {
    label: null,
    title: table.title,
    unitName,
    moneyUnit: table.moneyUnit,
    headerRows: table.columns,
    columns: table.kinds.map((kind, k) => ({ key: keys[k]!, title: titles[k]!, kind })),
    rows: table.rows.map((r) => ({
      role: r.role,
      code: r.code,
      key: r.key,
      level: null,
      cells: Object.fromEntries(r.cells.map((c, k) => [keys[k]!, c])),
    })),
    note: table.note,
  };
}

/** The workbook of any layout's tables, in published order (表1, 表2, …). */
export function layoutWorkbook(
  title: string,
  fiscalYear: number,
  unitName: string,
  tables: readonly GenericTable[],
): ExcelJS.Workbook {
  return workbook(
    title,
    fiscalYear,
    tables.map((t, i) => [`表${i + 1}`, sheetOfGeneric(t, unitName)]),
  );
}

/** A workbook's bytes, its archive entries dated like the workbook: the same tables, same file. */
async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return withZipDates(Buffer.from(await wb.xlsx.writeBuffer()), wb.created);
}

/** The .xlsx file's bytes. */
export async function renderXlsx(disclosure: Disclosure): Promise<Buffer> {
  return bytesOf(disclosureWorkbook(disclosure));
}

/** The .xlsx file's bytes for any layout's tables. */
export async function renderLayoutXlsx(
  ...args: Parameters<typeof layoutWorkbook>
): Promise<Buffer> {
  return bytesOf(layoutWorkbook(...args));
}
