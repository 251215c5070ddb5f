/**
 * XLSX import files (exceljs): the first worksheet, laid out like the CSV template (header in the
 * first non-blank row). Pure: bytes in, a Sheet out. Line numbers are the sheet's row numbers.
 *
 * Cells are read as text a user would type: numbers without float noise (a cell holding 1234.5
 * reads "1234.5"; one holding 0.1 + 0.2 reads "0.30000000000000004" and is refused as more than
 * 2 decimals, never rounded), dates as YYYY-MM-DD, formulas by their cached result. Codes with
 * leading zeros must be stored as text in the sheet (docs/import.md).
 */
import ExcelJS from 'exceljs';
import { sheetFromGrid, type GridRow, type Sheet } from './sheet';
import type { ImportKind } from './template';

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The text of a cell value as exceljs gives it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value as unknown);
}

export async function parseXlsxSheet(input: Buffer, kind: ImportKind): Promise<Sheet> {
  const grid = await xlsxGrid(input);
  return Array.isArray(grid) ? sheetFromGrid(grid, kind) : grid;
}

/**
 * The first worksheet's non-empty rows with their row numbers, or a Sheet holding the one error.
 */
export async function xlsxGrid(input: Buffer): Promise<GridRow[] | Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's own Buffer type predates Node's generic Buffer.
    await workbook.xlsx.load(input as unknown as ExcelJS.Buffer);
  } catch (err) {
    return {
      columns: [],
      ignored: [],
      rows: [],
      errors: [
        {
          line: 1,
          column: null,
          ruleId: 'import.xlsx',
          message: `not a readable XLSX file: ${err instanceof Error ? err.message : String(err)}`,
        },
      ],
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    return {
      columns: [],
      ignored: [],
      rows: [],
      errors: [
        { line: 1, column: null, ruleId: 'import.empty', message: 'the workbook has no worksheet' },
      ],
    };
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // row.values is 1-based (index 0 is empty).
    const values = row.values as ExcelJS.CellValue[];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    grid.push({ line: rowNumber, cells });
  });
  return grid;
}
