import { parseCsvSheet } from '../../../src/import/csv';
import { partitionPlainCsv, partitionGrid } from '../../../src/import/partition';
import { candidateKeys, commandKey } from '../../../src/import/plan';

const sha = 'a'.repeat(64);
const opts = { kind: 'allocation' as const, defaultUnit: 'D', sha256: sha };
const head = 'unit_code,fiscal_year,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,project_code,origin,amount';

describe('a CSV file without quotes, split by unit', () => {
  test('each unit gets its rows with their own line numbers, past CRLF, a lone CR, blank and whitespace-only lines', () => {
    const text = `\uFEFF${head}\r\nU1,2024,a,1,k,d,g,,current,1\r\n\r\n U2 ,2024,a,2,k,d,g,,current,2\rU1,2024,a,3,k,d,g,,current,3\n , ,\n,2024,a,4,k,d,g,,current,4\n`;
    const p = partitionPlainCsv(text.slice(1), opts);
    expect(p.errors).toEqual([]);
    expect(p.rows).toBe(4);
    expect(p.units.map((u) => [u.unitCode, u.lines])).toEqual([
      ['U1', [2, 5]],
      ['U2', [4]],
      // a blank unit_code is --unit's
      ['D', [7]],
    ]);
    // The same lines, read whole, are numbered the same way.
    const sheet = parseCsvSheet(text, 'allocation');
    expect(sheet.rows.map((r) => [r.line, r.cells.unit_code || 'D'])).toEqual([[2, 'U1'], [4, 'U2'], [5, 'U1'], [7, 'D']]);
  });

  test('the unit is read from wherever the header puts unit_code; without the column every row is --unit\'s', () => {
    const moved = partitionPlainCsv('amount,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,unit_code\n1,a,1,k,d,g,X\n2,a,1,k,d,g,Y\n3,a,1,k,d,g\n', opts);
    expect(moved.units.map((u) => [u.unitCode, u.lines])).toEqual([['X', [2]], ['Y', [3]], ['D', [4]]]);
    const none = partitionPlainCsv('amount,fund_source,functional_code,kind,dept_econ_code,gov_econ_code\n1,a,1,k,d,g\n2,a,1,k,d,g\n', opts);
    expect(none.units.map((u) => [u.unitCode, u.lines])).toEqual([['D', [2, 3]]]);
  });

  test('a header error refuses the file, counting its data rows; a header without rows is import.empty', () => {
    const bad = partitionPlainCsv('fund_source,kind\n1,2\n3,4\n', opts);
    expect(bad.units).toEqual([]);
    expect(bad.rows).toBe(2);
    expect(bad.errors.every((e) => e.ruleId === 'import.header' && e.line === 1)).toBe(true);
    expect(partitionPlainCsv(`\n${head}\n\n`, opts).errors).toEqual([expect.objectContaining({ line: 2, ruleId: 'import.empty' })]);
    expect(partitionPlainCsv(' \n', opts).errors).toEqual([expect.objectContaining({ ruleId: 'import.empty' })]);
  });

  test('a grid (quoted CSV, XLSX) is split the same way', () => {
    const grid = [
      { line: 1, cells: head.split(',') },
      { line: 2, cells: ['U1', '2024', 'a', '1', 'k', 'd', 'g', '', 'current', '1'] },
      { line: 4, cells: ['', '', '', '', '', '', '', '', '', ''] },
      { line: 5, cells: [' U1', '2024', 'a', '2', 'k', 'd', 'g', '', 'current', '2'] },
    ];
    const p = partitionGrid(grid, opts);
    expect(p.units.map((u) => [u.unitCode, u.lines, 'cells' in u.rows ? u.rows.cells.length : -1])).toEqual([['U1', [2, 5], 2]]);
  });
});

describe('candidate idempotency keys', () => {
  test('cover every chunk of both origins, and every adjustment id of the unit', () => {
    expect(candidateKeys(sha, 'U1', 12, [], 5).sort()).toEqual(
      ['current:0', 'carry-over:0', 'current:1', 'carry-over:1', 'current:2', 'carry-over:2'].map((p) => commandKey(sha, 'U1', p)).sort(),
    );
    const text = 'adjustment_id,adjustment_type,document_number,reason,effective_date,unit_code,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,delta\nA-1,increase,n,r,2024-01-01,U1,a,1,k,d,g,1\n A-2 ,increase,n,r,2024-01-01,U1,a,1,k,d,g,1\nA-1,,,,,U1,a,2,k,d,g,1\n';
    const p = partitionPlainCsv(text, { ...opts, kind: 'adjustments' });
    expect(p.units[0]!.candidateKeys).toEqual(expect.arrayContaining([commandKey(sha, 'U1', 'adjustment:A-1'), commandKey(sha, 'U1', 'adjustment:A-2')]));
  });
});
