import ExcelJS from 'exceljs';
import { TABLE_IDS } from '../../../src/domain/disclosure';
import { AMOUNT_FORMAT, renderXlsx, sheetLayout, sheetName } from '../../../src/export/xlsx';
import { fenyangDisclosure } from '../disclosure/fenyang-fixture';

const disclosure = fenyangDisclosure();
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const bytes = await renderXlsx(disclosure);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
});

const sheet = (id: string): ExcelJS.Worksheet => wb.getWorksheet(sheetName(id))!;

describe('XLSX export of the seed', () => {
  it('has 13 sheets 表1 … 表13, each with its title in row 1', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(TABLE_IDS.map((_, i) => `表${i + 1}`));
    for (const id of TABLE_IDS)
      expect(sheet(id).getCell(1, 1).value).toBe(disclosure.tables[id].title);
    expect(sheet('t01').getCell(1, 1).value).toBe('2024年预算收支总表');
    expect(sheet('t01').getCell(2, 6).value).toBe('单位：万元');
  });

  it('writes amounts as numbers with the 0.00 format, codes as text, empty cells empty', () => {
    const t03 = sheet('t03');
    const first = sheetLayout(disclosure.tables.t03).firstDataRow;
    expect(t03.getCell(first, 2).value).toBe('合计');
    expect(t03.getCell(first, 3).value).toBe(1256.36);
    expect(t03.getCell(first, 3).numFmt).toBe(AMOUNT_FORMAT);
    expect(t03.getCell(first, 4).value).toBe(229.24);
    expect(t03.getCell(first, 5).value).toBe(1027.12);
    expect(t03.getCell(first + 1, 1).value).toBe('201');
    expect(typeof t03.getCell(first + 1, 1).value).toBe('string');
    expect(t03.getCell(first, 1).value).toBeNull();

    const t01 = sheet('t01');
    const r1 = sheetLayout(disclosure.tables.t01).firstDataRow;
    expect(t01.getCell(r1, 1).value).toBe('一、一般公共预算');
    expect(t01.getCell(r1, 2).value).toBe(1256.36);
    expect(t01.getCell(r1 + 1, 2).value).toBeNull();
    expect(t01.getCell(r1, 6).value).toBeNull();
    // a figure whose printed form ends in 0 keeps its two decimals through the number format
    const t10 = sheet('t10');
    const vehicles = sheetLayout(disclosure.tables.t10).firstDataRow + 2;
    expect(t10.getCell(vehicles, 1).value).toBe('公务用车购置及运行费');
    expect(t10.getCell(vehicles, 2).value).toBe(5);
    expect(t10.getCell(vehicles, 2).numFmt).toBe('0.00');
  });

  it('merges the header cells as published', () => {
    const model = (id: string): string[] =>
      ((sheet(id).model as unknown as { merges: string[] }).merges ?? []).slice().sort();
    // t02: title A1:I1; 项目 A3:B3, 本年收入 C3:H3, 上年结转 I3:I4
    expect(model('t02')).toEqual(expect.arrayContaining(['A1:I1', 'A3:B3', 'C3:H3', 'I3:I4']));
    expect(sheet('t02').getCell('I4').master.address).toBe('I3');
    expect(sheet('t02').getCell('I3').value).toBe('上年结转');
    // t04: 项目 A4:A5, 金额 D4:G4
    expect(model('t04')).toEqual(
      expect.arrayContaining(['A4:A5', 'B4:B5', 'C4:C5', 'D4:G4', 'A3:B3', 'C3:G3']),
    );
    // t12: three header rows, the numbering row 1 … 7 as published
    const t12 = sheet('t12');
    expect(model('t12')).toEqual(
      expect.arrayContaining(['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4']),
    );
    expect(t12.getCell(5, 1).value).toBe('1');
  });

  it('puts the note of an empty table under its header', () => {
    const t13 = sheet('t13');
    const first = sheetLayout(disclosure.tables.t13).firstDataRow;
    expect(t13.getCell(first, 1).value).toBe('本表无数据');
    const t07 = sheet('t07');
    const r = sheetLayout(disclosure.tables.t07).firstDataRow;
    expect(t07.getCell(r, 2).value).toBe('合计');
    expect(t07.getCell(r + 1, 1).value).toBe('本表无数据');
  });

  it('lists every project of table 12 with its amount', () => {
    const t12 = sheet('t12');
    const first = sheetLayout(disclosure.tables.t12).firstDataRow;
    disclosure.tables.t12.rows.forEach((row, i) => {
      expect(t12.getCell(first + i, 1).value).toBe(row.cells.project);
      expect(t12.getCell(first + i, 2).value).toBe(Number(row.cells.total));
    });
  });
});

describe('XLSX bytes do not depend on the clock', () => {
  // Everything but Date stays real: JSZip and exceljs schedule their own work.
  const clockOnly = {
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ] as const,
  };
  afterEach(() => jest.useRealTimers());

  it('given the same disclosure written on two days, when compared, then the files are the same bytes', async () => {
    jest.useFakeTimers({ ...clockOnly, doNotFake: [...clockOnly.doNotFake] });
    jest.setSystemTime(new Date('2024-05-08T09:00:00Z'));
    const first = await renderXlsx(disclosure);
    jest.setSystemTime(new Date('2031-11-30T23:59:58Z'));
    const later = await renderXlsx(disclosure);
    expect(later.equals(first)).toBe(true);
  });
});
