import fc from 'fast-check';
import { parseCsvSheet } from '../../../src/import/csv';
import { candidateKeysOf, partitionPlainCsv, partitionGrid } from '../../../src/import/partition';
import { candidateKeys, commandKey } from '../../../src/import/plan';

const sha = 'a'.repeat(64);
const opts = { kind: 'allocation' as const, defaultUnit: 'D' };
const head =
  'unit_code,fiscal_year,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,project_code,origin,amount';

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
    expect(sheet.rows.map((r) => [r.line, r.cells.unit_code || 'D'])).toEqual([
      [2, 'U1'],
      [4, 'U2'],
      [5, 'U1'],
      [7, 'D'],
    ]);
  });

  test("the unit is read from wherever the header puts unit_code; without the column every row is --unit's", () => {
    const moved = partitionPlainCsv(
      'amount,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,unit_code\n1,a,1,k,d,g,X\n2,a,1,k,d,g,Y\n3,a,1,k,d,g\n',
      opts,
    );
    expect(moved.units.map((u) => [u.unitCode, u.lines])).toEqual([
      ['X', [2]],
      ['Y', [3]],
      ['D', [4]],
    ]);
    const none = partitionPlainCsv(
      'amount,fund_source,functional_code,kind,dept_econ_code,gov_econ_code\n1,a,1,k,d,g\n2,a,1,k,d,g\n',
      opts,
    );
    expect(none.units.map((u) => [u.unitCode, u.lines])).toEqual([['D', [2, 3]]]);
  });

  test('a header error refuses the file, counting its data rows; a header without rows is import.empty', () => {
    const bad = partitionPlainCsv('fund_source,kind\n1,2\n3,4\n', opts);
    expect(bad.units).toEqual([]);
    expect(bad.rows).toBe(2);
    expect(bad.errors.every((e) => e.ruleId === 'import.header' && e.line === 1)).toBe(true);
    expect(partitionPlainCsv(`\n${head}\n\n`, opts).errors).toEqual([
      expect.objectContaining({ line: 2, ruleId: 'import.empty' }),
    ]);
    expect(partitionPlainCsv(' \n', opts).errors).toEqual([
      expect.objectContaining({ ruleId: 'import.empty' }),
    ]);
  });

  test('a grid (quoted CSV, XLSX) is split the same way', () => {
    const grid = [
      { line: 1, cells: head.split(',') },
      { line: 2, cells: ['U1', '2024', 'a', '1', 'k', 'd', 'g', '', 'current', '1'] },
      { line: 4, cells: ['', '', '', '', '', '', '', '', '', ''] },
      { line: 5, cells: [' U1', '2024', 'a', '2', 'k', 'd', 'g', '', 'current', '2'] },
    ];
    const p = partitionGrid(grid, opts);
    expect(
      p.units.map((u) => [u.unitCode, u.lines, 'cells' in u.rows ? u.rows.cells.length : -1]),
    ).toEqual([['U1', [2, 5], 2]]);
  });
});

describe('candidate idempotency keys', () => {
  test('cover every chunk of both origins, and every adjustment id of the unit', () => {
    expect(candidateKeys(sha, 'U1', 12, [], 5).sort()).toEqual(
      ['current:0', 'carry-over:0', 'current:1', 'carry-over:1', 'current:2', 'carry-over:2']
        .map((p) => commandKey(sha, 'U1', p))
        .sort(),
    );
    const text =
      'adjustment_id,adjustment_type,document_number,reason,effective_date,unit_code,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,delta\nA-1,increase,n,r,2024-01-01,U1,a,1,k,d,g,1\n A-2 ,increase,n,r,2024-01-01,U1,a,1,k,d,g,1\nA-1,,,,,U1,a,2,k,d,g,1\n';
    const p = partitionPlainCsv(text, { ...opts, kind: 'adjustments' });
    expect(candidateKeysOf(p.units[0]!, sha)).toEqual(
      expect.arrayContaining([
        commandKey(sha, 'U1', 'adjustment:A-1'),
        commandKey(sha, 'U1', 'adjustment:A-2'),
      ]),
    );
  });
});

describe('the one-pass split of a text without quotes', () => {
  // Rows of a few units, interleaved or in runs, with blank and whitespace-only lines between and
  // any line break: each unit's rows and line numbers are what reading the whole file gives.
  const row = fc.record({
    unit: fc.constantFrom('U1', ' U2 ', 'U3', ''),
    cells: fc.array(fc.stringMatching(/^[a-z0-9 .]{0,4}$/), { minLength: 0, maxLength: 3 }),
  });
  const line = fc.oneof(
    { weight: 5, arbitrary: row },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', ' , ,', '\t') },
  );
  const breakChar = fc.constantFrom('\n', '\r\n', '\r');

  test('gives each unit the rows, line numbers and cells that reading the whole file gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, breakChar), { minLength: 0, maxLength: 40 }),
        fc.boolean(),
        (lines, trailing) => {
          const body = lines
            .map(([l, br]) => (typeof l === 'string' ? l : [l.unit, ...l.cells].join(',')) + br)
            .join('');
          const text = `${head}\n${trailing ? body : body.replace(/(\r\n|\n|\r)$/, '')}`;
          const p = partitionPlainCsv(text, opts);
          const sheet = parseCsvSheet(text, 'allocation');
          const expected = new Map<string, { lines: number[]; cells: string[][] }>();
          for (const r of sheet.rows) {
            const u = r.cells.unit_code || 'D';
            const e = expected.get(u) ?? { lines: [], cells: [] };
            e.lines.push(r.line);
            expected.set(u, e);
          }
          if (sheet.rows.length === 0) {
            expect(p.units).toEqual([]);
            return;
          }
          expect(p.rows).toBe(sheet.rows.length);
          expect(p.units.map((u) => u.unitCode)).toEqual([...expected.keys()]);
          for (const u of p.units) {
            expect(u.lines).toEqual(expected.get(u.unitCode)!.lines);
            const texts = 'text' in u.rows ? u.rows.text.split('\n') : [];
            const wanted = sheet.rows
              .filter((r) => (r.cells.unit_code || 'D') === u.unitCode)
              .map((r) => [
                r.cells.unit_code ?? '',
                r.cells.fiscal_year ?? '',
                r.cells.fund_source ?? '',
              ]);
            expect(
              texts
                .map((t) =>
                  t
                    .split(',')
                    .slice(0, 3)
                    .map((c) => c.trim()),
                )
                .map((c) => [c[0] ?? '', c[1] ?? '', c[2] ?? '']),
            ).toEqual(wanted);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
