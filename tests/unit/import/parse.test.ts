import ExcelJS from 'exceljs';
import { parseCsvSheet } from '../../../src/import/csv';
import { cellText, parseXlsxSheet } from '../../../src/import/xlsx';
import { templateHeader } from '../../../src/import/template';

describe('CSV sheets', () => {
  test('header by English or Chinese names (BOM, spaces, case); cells trimmed; line numbers as the file has them', () => {
    const text =
      '\uFEFF Fund Source ,功能分类编码,kind,dept_econ_code,政府经济分类编码,金额,备注\n一般公共预算,2010301,personnel,30101,50101, 100.00 ,x\n\n单位资金,2010301,public,30201,50201,5,\n';
    const sheet = parseCsvSheet(text, 'allocation');
    expect(sheet.errors).toEqual([]);
    expect(sheet.columns).toEqual([
      'fund_source',
      'functional_code',
      'kind',
      'dept_econ_code',
      'gov_econ_code',
      'amount',
    ]);
    expect(sheet.ignored).toEqual(['备注']);
    expect(sheet.rows.map((r) => [r.line, r.cells.fund_source, r.cells.amount])).toEqual([
      [2, '一般公共预算', '100.00'],
      [4, '单位资金', '5'],
    ]);
  });

  test('a record is numbered by its first line, past quoted line breaks, blank lines and CRLF', () => {
    const text =
      'fund_source,functional_code,kind,dept_econ_code,gov_econ_code,amount,note\r\na,1,k,d,g,1,"two\r\nlines"\r\n\r\nb,2,k,d,g,2,z\r\nc,3,k,d,g,3,';
    const sheet = parseCsvSheet(text, 'allocation');
    expect(sheet.rows.map((r) => [r.line, r.cells.fund_source, r.cells.amount])).toEqual([
      [2, 'a', '1'],
      [5, 'b', '2'],
      [6, 'c', '3'],
    ]);
    // The same lines without any quote (read by the other parser) are numbered the same way.
    const plain = parseCsvSheet(text.replace('"two\r\nlines"', 'one line\r\n'), 'allocation');
    expect(plain.rows.map((r) => [r.line, r.cells.fund_source])).toEqual([
      [2, 'a'],
      [5, 'b'],
      [6, 'c'],
    ]);
  });

  test("a stray quote makes the file unreadable instead of shifting a row's cells", () => {
    const header =
      'fund_source,functional_code,kind,dept_econ_code,gov_econ_code,project_code,amount\n';
    for (const bad of ['a,1,k,d,g,ab"c,3\n', 'a,1,k,d,g, "P 1",3\n', 'a,1,k,d,g,P"1,2",3\n']) {
      const sheet = parseCsvSheet(`${header}ok,1,k,d,g,,1\n${bad}`, 'allocation');
      expect(sheet.errors).toEqual([expect.objectContaining({ line: 3, ruleId: 'import.csv' })]);
    }
    // Quoting as RFC 4180 has it is read, with its escaped quotes and line breaks.
    const good = parseCsvSheet(`${header}a,1,k,d,g,"P ""1"", 2",3\n`, 'allocation');
    expect(good.errors).toEqual([]);
    expect(good.rows.map((r) => [r.line, r.cells.project_code, r.cells.amount])).toEqual([
      [2, 'P "1", 2', '3'],
    ]);
  });

  test('bytes that are not UTF-8 are refused, not read as replacement characters', () => {
    const sheet = parseCsvSheet(Buffer.from([0x61, 0x2c, 0xff, 0x0a]), 'allocation');
    expect(sheet.errors).toEqual([
      expect.objectContaining({
        line: 1,
        ruleId: 'import.csv',
        message: expect.stringContaining('UTF-8'),
      }),
    ]);
  });

  test('a missing required column and a repeated column are header errors on line 1', () => {
    const sheet = parseCsvSheet(
      'fund_source,kind,kind,dept_econ_code,gov_econ_code,amount\n',
      'allocation',
    );
    expect(sheet.errors.map((e) => [e.line, e.column, e.ruleId])).toEqual([
      [1, 'kind', 'import.header'],
      [1, 'functional_code', 'import.header'],
    ]);
  });

  test('the template headers are complete for both kinds', () => {
    expect(
      parseCsvSheet(`${templateHeader('allocation')}\n`, 'allocation').errors.map((e) => e.ruleId),
    ).toEqual(['import.empty']);
    expect(
      parseCsvSheet(`${templateHeader('adjustments')}\n`, 'adjustments').errors.map(
        (e) => e.ruleId,
      ),
    ).toEqual(['import.empty']);
  });

  test('an unreadable CSV (unclosed quote) is one error, not an exception', () => {
    const sheet = parseCsvSheet('fund_source,amount\n"abc,1\n', 'allocation');
    expect(sheet.errors).toEqual([expect.objectContaining({ line: 2, ruleId: 'import.csv' })]);
  });
});

describe('XLSX sheets', () => {
  test('cell values read as typed text', () => {
    expect(cellText(1234.5)).toBe('1234.5');
    expect(cellText(2010301)).toBe('2010301');
    expect(cellText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(cellText(new Date(Date.UTC(2024, 6, 1)))).toBe('2024-07-01');
    expect(cellText({ richText: [{ text: '人员' }, { text: '经费' }] })).toBe('人员经费');
    expect(cellText({ formula: 'A1+1', result: 42 } as ExcelJS.CellFormulaValue)).toBe('42');
    expect(cellText(null)).toBe('');
  });

  test('the first worksheet; rows keep the sheet row numbers; blank rows are skipped', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow([]);
    ws.addRow(templateHeader('allocation').split(','));
    ws.addRow([
      '019001',
      2024,
      'general-public',
      '2010301',
      'personnel',
      '30101',
      '50101',
      '',
      'current',
      475361,
    ]);
    ws.addRow([]);
    ws.addRow([
      '019001',
      2024,
      'general-public',
      '2010301',
      'public',
      '30201',
      '50201',
      '',
      '',
      12.5,
    ]);
    const sheet = await parseXlsxSheet(Buffer.from(await wb.xlsx.writeBuffer()), 'allocation');
    expect(sheet.errors).toEqual([]);
    expect(
      sheet.rows.map((r) => [r.line, r.cells.fiscal_year, r.cells.amount, r.cells.origin]),
    ).toEqual([
      [3, '2024', '475361', 'current'],
      [5, '2024', '12.5', ''],
    ]);
  });

  test('bytes that are not a workbook are one error', async () => {
    const sheet = await parseXlsxSheet(Buffer.from('PK\u0003\u0004 not really'), 'allocation');
    expect(sheet.errors).toEqual([expect.objectContaining({ ruleId: 'import.xlsx' })]);
  });
});
