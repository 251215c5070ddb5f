/**
 * The parser on the seed (tab-separated extraction, 13 tables in 万元) and on the Shanghai sample
 * (pdfplumber extraction, 9 tables in 元 and 万元): every amount of the parsed tables equals the
 * disclosure built from the seed's exact lines; tables are found by title, not position; units
 * come from each table's header; what is not understood is reported with its line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { figuresOf, type GenericTable } from '../../../src/domain/disclosure';
import { parseDisclosure } from '../../../src/interchange';
import { fenyangDisclosure } from '../disclosure/fenyang-fixture';

const root = path.join(__dirname, '..', '..', '..');
const seedText = fs.readFileSync(path.join(root, 'data/seed/fenyang-2024/source.txt'), 'utf8');
const shanghaiText = fs.readFileSync(
  path.join(root, 'data/samples/shanghai-finance-bureau-2025-unit-budget.txt'),
  'utf8',
);

/** Amount cells of a table by (row index, column key). */
const amounts = (t: GenericTable): string[] =>
  t.rows
    .flatMap((r, i) =>
      t.keys.flatMap((k, j) => (t.kinds[j] === 'amount' ? [`${i}:${k}=${r.cells[j] ?? ''}`] : [])),
    )
    .sort();

describe('seed (汾阳 2024, tab-separated)', () => {
  const parsed = parseDisclosure(seedText);

  it('finds the 13 tables by title, in 万元, with nothing left not understood', () => {
    expect(parsed.layout).toBe('shanxi-13');
    expect(parsed.tables.map((t) => t.id)).toEqual([
      't01',
      't02',
      't03',
      't04',
      't05',
      't06',
      't07',
      't08',
      't09',
      't10',
      't11',
      't12',
      't13',
    ]);
    expect(new Set(parsed.tables.map((t) => t.moneyUnit))).toEqual(new Set(['万元']));
    expect(parsed.issues).toEqual([]);
    expect(parsed).toMatchObject({ unitName: '汾阳市行政审批服务管理局', fiscalYear: 2024 });
  });

  it('reads every amount of every table as the disclosure built from the exact lines prints it', () => {
    const built = figuresOf(fenyangDisclosure());
    for (const b of built.tables) {
      const p = parsed.tables.find((t) => t.id === b.id)!;
      expect({ id: b.id, rows: p.rows.length }).toEqual({ id: b.id, rows: b.rows.length });
      expect({ id: b.id, cells: amounts(p) }).toEqual({ id: b.id, cells: amounts(b) });
      expect({ id: b.id, roles: p.rows.map((r) => r.role) }).toEqual({
        id: b.id,
        roles: b.rows.map((r) => r.role),
      });
    }
  });

  it('reads codes: functional rows, economic codes from names (reference data), 类 codes of table 1', () => {
    const t = (id: string) => parsed.tables.find((x) => x.id === id)!;
    expect(
      t('t03')
        .rows.map((r) => r.code)
        .filter(Boolean),
    ).toContain('2080505');
    expect(
      t('t06')
        .rows.filter((r) => r.role === 'group')
        .map((r) => r.code),
    ).toEqual(['301', '302', '303']);
    expect(t('t06').rows.find((r) => r.cells[0] === '公务用车运行维护费')?.code).toBe('30231');
    expect(t('t01').rows.filter((r) => r.code !== null)).toHaveLength(30);
  });

  it('reads the explanation’s figures with their lines, the forms’ 元 and procurement', () => {
    expect(parsed.narrative['agencyOperating.amount']).toEqual({ value: '25.62', line: 434 });
    expect(parsed.narrative['agencyOperating.change']?.value).toBe('-1.09');
    expect(parsed.narrative['changes.change']?.value).toBe('239.27');
    expect(parsed.narrative['performance.publishedSpecificTarget']?.value).toBe('1027.12');
    expect(parsed.projectForms).toHaveLength(11);
    expect(
      parsed.projectForms.find((f) => f.name.startsWith('购买政务大厅综合服务经费['))?.fundsYuan,
    ).toBe('753249.6');
    expect(parsed.procurement).toMatchObject({
      total: '682.40',
      goods: '154.02',
      works: '0',
      services: '528.38',
    });
  });

  it('recognises tables by title, not position: the same tables when two are printed in the other order', () => {
    const lines = seedText.split('\n');
    const t02 = lines.findIndex((l) => l === '2024年预算收入总表');
    const t03 = lines.findIndex((l) => l === '2024年预算支出总表');
    const t04 = lines.findIndex((l) => l === '2024年财政拨款收支总表');
    const swapped = [
      ...lines.slice(0, t02),
      ...lines.slice(t03, t04),
      ...lines.slice(t02, t03),
      ...lines.slice(t04),
    ].join('\n');
    const again = parseDisclosure(swapped);
    for (const id of ['t02', 't03'])
      expect(again.tables.find((t) => t.id === id)!.rows).toEqual(
        parsed.tables.find((t) => t.id === id)!.rows,
      );
  });

  it('takes each table’s unit from its header', () => {
    const text = seedText.replace(
      '2024年预算支出总表\n\n单位名称：汾阳市行政审批服务管理局\n\n单位：万元',
      '2024年预算支出总表\n\n单位名称：汾阳市行政审批服务管理局\n\n单位：元',
    );
    const again = parseDisclosure(text);
    expect(again.tables.find((t) => t.id === 't03')!.moneyUnit).toBe('元');
    expect(again.tables.find((t) => t.id === 't02')!.moneyUnit).toBe('万元');
  });

  it('reports rows and cells it does not understand, with their line numbers', () => {
    const lines = seedText.split('\n');
    const at = lines.findIndex((l) => l.startsWith('2010301\t行政运行\t117.31\t117.31')) + 1;
    lines.splice(at, 0, '??\t不明行\t1.00\t1.00\t');
    lines[at + 1] = lines[at + 1]!.replace('1027.12\t1027.12', '1O27.12\t1027.12');
    const again = parseDisclosure(lines.join('\n'));
    expect(again.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: at + 1,
          message: expect.stringContaining('row not understood'),
        }),
        expect.objectContaining({
          line: at + 2,
          message: expect.stringContaining('"1O27.12" is not an amount'),
        }),
      ]),
    );
  });
});

describe('Shanghai sample (上海市财政局 2025, pdfplumber, 9 tables)', () => {
  const parsed = parseDisclosure(shanghaiText);

  it('finds the 9 tables by title, continued across pages as one table, units from each header', () => {
    expect(parsed.layout).toBe('shanghai-9');
    expect(parsed.tables.map((t) => [t.id, t.moneyUnit])).toEqual([
      ['sh01', '元'],
      ['sh02', '元'],
      ['t03', '元'],
      ['t04', '元'],
      ['t05', '元'],
      ['t08', '元'],
      ['sh07', '元'],
      ['t06', '元'],
      ['sh09', '万元'],
    ]);
    expect(parsed.issues).toEqual([]);
    const t2 = parsed.tables.find((t) => t.id === 'sh02')!;
    expect(t2.rows.filter((r) => r.role === 'class')).toHaveLength(23);
    expect(t2.rows.at(-1)).toMatchObject({
      role: 'total',
      cells: expect.arrayContaining(['171915169']),
    });
    expect(t2.keys).toEqual([
      'code.类',
      'code.款',
      'code.项',
      'name',
      'total',
      'fiscalAppropriation',
      'businessIncome',
      'operatingIncome',
      'otherIncome',
    ]);
  });

  it('joins the 类/款/项 columns into codes and reads economic codes as printed', () => {
    const t6 = parsed.tables.find((t) => t.id === 't06')!;
    expect(t6.rows.filter((r) => r.role === 'group').map((r) => r.code)).toEqual([
      '301',
      '302',
      '303',
      '310',
    ]);
    expect(t6.rows.find((r) => r.code === '30212')?.cells).toContain('2887000');
    expect(parsed.tables.find((t) => t.id === 't05')!.rows.map((r) => r.code)).toContain('2210203');
  });

  it('reads table 9 (万元) and the explanation’s figures', () => {
    expect(parsed.tables.find((t) => t.id === 'sh09')!.rows[0]!.cells).toEqual([
      '346.30',
      '288.70',
      '25.40',
      '32.20',
      null,
      '32.20',
      '2517.78',
    ]);
    expect(parsed.narrative['sh.revenue.total']?.value).toBe('17192');
    expect(parsed.procurement).toMatchObject({ total: '1708.03', services: '1665.53' });
  });
});
