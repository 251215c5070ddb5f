/**
 * The Jiangsu 12-table layout on the five Jiangsu documents of the corpus (data/corpus): read from
 * the pdfplumber text and from the PDF itself, every table recognised by its title; the figures
 * data/corpus/README.md lists for each document read as printed; check-disclosure's
 * inconsistencies exactly the errors the README lists, and what was not read said.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { checkPublished, parseDisclosure, type ParsedDisclosure } from '../../../src/interchange';
import { pdfToText } from '../../../src/interchange/pdf';
import { checkDisclosureFile } from '../../../src/cli/check-disclosure';

const corpus = path.join(__dirname, '..', '..', '..', 'data', 'corpus');
const textOf = (name: string) => fs.readFileSync(path.join(corpus, 'text', `${name}.txt`), 'utf8');
const pdfOf = async (name: string) =>
  (await pdfToText(fs.readFileSync(path.join(corpus, 'pdf', `${name}.pdf`)), name)).text;

const IDS = Array.from({ length: 12 }, (_, i) => `js${String(i + 1).padStart(2, '0')}`);

/** A figure of a table: by row key or code, in its amount column (or the named column). */
function figure(d: ParsedDisclosure, table: string, row: string, column = 'amount'): string | null {
  const t = d.tables.find((x) => x.id === table)!;
  const r = t.rows.find((x) => x.key === row || x.code === row);
  return r?.cells[t.keys.indexOf(column)] ?? null;
}

interface Expected {
  /** 部门 as printed (or as the titles name it). */
  unit: string;
  year: number;
  /** README's "figures a checker can verify": [table, row, column?, printed]. */
  figures: [string, string, string, string][];
  /** README's errors, as [ruleId, published, computed (rounded to 2 places)]. */
  errors: [string, string, string][];
  /** Issues that must be reported (substring of the message). */
  said: string[];
}

const EXPECTED: Record<string, Expected> = {
  'jiangsu-party-committee-office-2017-dept-budget-tables': {
    unit: '中国共产党江苏省委员会办公厅',
    year: 2017,
    figures: [
      ['js01', 'revenue.total', 'amount', '20849.45'],
      ['js01', 'revenue.fiscal', 'amount', '20702.25'],
      ['js01', 'revenue.special-account', 'amount', '147.20'],
      ['js01', 'purpose.basic', 'amount', '9964.07'],
      ['js01', 'purpose.project', 'amount', '10688.66'],
      ['js01', 'purpose.reserve', 'amount', '196.72'],
      ['js04', 'purpose.project', 'amount', '10541.46'],
      ['js06', '301', 'amount', '3920.22'],
      ['js06', '302', 'amount', '2144.60'],
      ['js06', '303', 'amount', '3899.25'],
      ['js06', '30311', 'amount', '621.28'],
      ['js09', 'total', 'total', '1467.70'],
      ['js09', 'total', 'sanGong.total', '509.20'],
      ['js09', 'total', 'meetings', '933.50'],
      ['js12', 'total', 'amount', '1774.70'],
      ['js11', 'total', 'amount', '10101.76'],
    ],
    // The 2017 scope of 机关运行经费 included project running costs: 10,101.76 ≠ 基本 302 2,144.60.
    errors: [['js11.agencyOperating=basic.public', '10101.76', '2144.60']],
    said: ['js12: 44 detail lines'],
  },
  'jiangsu-cppcc-office-2018-dept-budget-tables': {
    unit: '江苏省政协办公厅',
    year: 2018,
    figures: [
      ['js01', 'revenue.total', 'amount', '10150.48'],
      ['js01', 'revenue.other', 'amount', '80.00'],
      ['js04', 'purpose.basic', 'amount', '5598.17'],
      ['js09', 'total', 'total', '1656.86'],
      ['js09', 'total', 'sanGong.total', '675.10'],
      ['js09', 'total', 'sanGong.officialReception', '412.50'],
      ['js11', 'total', 'amount', '1115.85'],
      ['js12', 'total', 'amount', '1281.76'],
    ],
    errors: [],
    said: ['js12: 26 detail lines'],
  },
  'jiangsu-npc-standing-committee-office-2019-dept-budget-tables': {
    unit: '江苏省人大常委会办公厅',
    year: 2019,
    figures: [
      ['js01', 'revenue.total', 'amount', '18330.37'],
      ['js01', 'class:住房保障支出', 'amount', '3301.20'],
      ['js03', 'total', 'reserve', '2557.89'],
      ['js06', '30113', 'amount', '752.90'],
      ['js09', 'total', 'sanGong.overseasTravel', '199.25'],
      ['js09', 'total', 'training', '363.38'],
      ['js12', '服务', 'amount', '2183.33'],
    ],
    errors: [],
    said: ['js12: 23 detail lines'],
  },
  'jiangsu-high-court-2018-dept-budget': {
    unit: '江苏省高级人民法院',
    year: 2018,
    figures: [
      ['js01', 'revenue.total', 'amount', '33172.15'],
      ['js01', 'class:公共安全支出', 'amount', '26200.88'],
      ['js01', 'purpose.reserve', 'amount', '3258.06'],
      ['js06', '30108', 'amount', '1326.81'],
      ['js06', '303', 'amount', '1415.57'],
      ['js09', 'total', 'sanGong.vehicleOperation', '266.80'],
      ['js09', 'total', 'training', '1666.25'],
      ['js12', '工程', 'amount', '539.00'],
    ],
    errors: [
      // p19: 一般行政事务管理（项）— the table names it 一般行政管理事务 …
      ['narrative.item.name=js05', '一般行政事务管理', '一般行政管理事务'],
      // … and 减少 392.92 万元 with 5.95%, which is 382.92 / 6,432.89.
      ['narrative.item.percent', '5.95', '6.10'],
    ],
    // p20: "减少 9.52，" lacks the % sign.
    said: ['"9.52" is printed without its % sign', 'js12: 50 detail lines'],
  },
  'jiangsu-npc-standing-committee-office-2017-dept-budget': {
    unit: '江苏省人大常委会办公厅',
    year: 2017,
    figures: [
      ['js01', 'revenue.total', 'amount', '13649.07'],
      ['js01', 'revenue.currentYear', 'amount', '13649.07'],
      ['js01', 'spending.total', 'amount', '13649.07'],
      ['js01', 'class:社会保障和就业支出', 'amount', '1608.51'],
      ['js02', 'subtotal:general-public', 'amount', '13649.07'],
      ['js06', '303', 'amount', '3151.74'],
      ['js09', 'total', 'sanGong.total', '833.60'],
      ['js09', 'total', 'sanGong.vehiclePurchase', '0'],
      ['js12', 'total', 'amount', '2247.85'],
    ],
    errors: [
      // (3) the 机关运行经费 table prints 5,619.31, not 基本支出 302 (1,585.96).
      ['js11.agencyOperating=basic.public', '5619.31', '1585.96'],
      // (2) "人大事务行政运行（项）支出 10528.33" — 行政运行 is 4,545.94.
      ['narrative.item.amount=js05', '10528.33', '4545.94'],
      // (1) the shares of 三公 are of 2,542.60 (三公 + 会议费 + 培训费), not of 833.60.
      ['narrative.sanGong.share', '8.75', '26.69'],
      ['narrative.sanGong.share', '7.22', '22.02'],
      ['narrative.sanGong.share', '16.81', '51.28'],
    ],
    said: ['js06 printed again', 'js10 printed again', 'js12: 23 detail lines'],
  },
};

const round2 = (v: string) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v).toFixed(2) : v);

describe.each(Object.keys(EXPECTED))('%s', (name) => {
  const expected = EXPECTED[name]!;
  let fromText: ParsedDisclosure;
  let fromPdf: ParsedDisclosure;
  let pdfText: string;
  beforeAll(async () => {
    fromText = parseDisclosure(textOf(name));
    pdfText = await pdfOf(name);
    fromPdf = parseDisclosure(pdfText);
  });

  it('is recognised as the Jiangsu 12-table layout, each table once, from the text and the PDF', () => {
    for (const d of [fromText, fromPdf]) {
      expect(d.layout).toBe('jiangsu-12');
      expect(d.fiscalYear).toBe(expected.year);
      expect(d.unitName).toBe(expected.unit);
      expect(d.tables.map((t) => t.id).sort()).toEqual(IDS);
      expect(d.tables.every((t) => t.moneyUnit === '万元')).toBe(true);
    }
  });

  it("reads the README's figures as printed, the same from the PDF", () => {
    for (const d of [fromText, fromPdf])
      for (const [table, row, column, printed] of expected.figures)
        expect({ table, row, column, value: figure(d, table, row, column) }).toEqual({
          table,
          row,
          column,
          value: printed,
        });
    // Every table reads the same rows from either input.
    const rows = (d: ParsedDisclosure) =>
      d.tables.map((t) => ({ id: t.id, rows: t.rows.map((r) => [r.key ?? r.code, ...r.cells]) }));
    expect(rows(fromPdf)).toEqual(rows(fromText));
  });

  it("check-disclosure: the README's errors as inconsistencies, nothing else, unread parts said", () => {
    for (const [d, text] of [
      [fromText, textOf(name)],
      [fromPdf, pdfText],
    ] as const) {
      const report = checkPublished(d, text);
      expect(report.findings.filter((f) => f.kind === 'rounding')).toEqual([]);
      expect(report.findings.map((f) => [f.ruleId, f.published, round2(f.computed)])).toEqual(
        expected.errors,
      );
      expect(report.skipped).toEqual([]);
      for (const s of expected.said) expect(d.issues.map((i) => i.message).join('\n')).toContain(s);
      expect(d.issues.filter((i) => /not understood|not read"|no column/.test(i.message))).toEqual(
        [],
      );
    }
  });
});

it('the high court: every 项 paragraph of the 财政拨款 explanation is read and checked', () => {
  const d = parseDisclosure(textOf('jiangsu-high-court-2018-dept-budget'));
  const items = Object.keys(d.narrative).filter((k) => /^js\.item\.\d+\.xiang$/.test(k));
  expect(items).toHaveLength(11);
  // Changing a paragraph's amount by 1万元 makes it disagree with table 5.
  const text = textOf('jiangsu-high-court-2018-dept-budget').replace(
    '支出 14857.61 万元',
    '支出 14858.61 万元',
  );
  const found = checkPublished(parseDisclosure(text), text).findings.filter(
    (f) => f.ruleId === 'narrative.item.amount=js05',
  );
  expect(found.map((f) => f.published)).toEqual(['14858.61']);
});

it('a table sum broken by one figure is found (the rules can fail)', () => {
  const name = 'jiangsu-npc-standing-committee-office-2019-dept-budget-tables';
  const text = textOf(name).replace(/30201 办公费 570\.00/g, '30201 办公费 571.00');
  const ids = checkPublished(parseDisclosure(text), text).findings.map((f) => f.ruleId);
  expect(ids).toEqual(
    expect.arrayContaining(['js06.hierarchy', 'js08.hierarchy', 'js11.hierarchy']),
  );
});

it('check-disclosure <file.pdf>: the Jiangsu report names the layout, places and findings', async () => {
  const file = path.join(corpus, 'pdf', 'jiangsu-high-court-2018-dept-budget.pdf');
  const { output, exitCode } = await checkDisclosureFile(file);
  expect(exitCode).toBe(1);
  expect(output).toContain('layout jiangsu-12, 江苏省高级人民法院, 2018; 12 tables');
  expect(output).toContain('findings: 2 inconsistencies, 0 rounding differences');
  expect(output).toMatch(
    /INCONSISTENCY narrative\.item\.name=js05: published 一般行政事务管理, computed 一般行政管理事务/,
  );
  // Places are the PDF's: page and line.
  expect(output).toMatch(/page 20 line \d+: warning: 案件执行（项）: the change "9\.52"/);
  const clean = await checkDisclosureFile(
    path.join(corpus, 'pdf', 'jiangsu-cppcc-office-2018-dept-budget-tables.pdf'),
  );
  expect(clean.exitCode).toBe(0);
  expect(clean.output).toContain('findings: 0 inconsistencies');
});

/**
 * A change beyond the tolerance of the sums it enters (half a hundredth per rounded term: a sum of
 * 12 printed figures may be 0.06 off by rounding alone) is an inconsistency, never rounding.
 */
it('property: any one coded amount of the page text changed by 1万元 or more is an inconsistency', () => {
  const name = 'jiangsu-npc-standing-committee-office-2019-dept-budget-tables';
  const lines = textOf(name).split('\n');
  // The page-text rows of 项 (7-digit codes) and 款 (5-digit economic codes) with an amount.
  const rows = lines.flatMap((l, i) => (/^(\d{7}|\d{5}) \S+ [\d,]+\.\d\d$/.test(l) ? [i] : []));
  expect(rows.length).toBeGreaterThan(40);
  fc.assert(
    fc.property(
      fc.constantFrom(...rows),
      fc.integer({ min: 100, max: 100_000 }),
      (row, hundredths) => {
        const changed = [...lines];
        const [, code, label, amount] = /^(\d+) (\S+) ([\d,.]+)$/.exec(lines[row]!)!;
        const cents = Math.round(Number(amount!.replace(/,/g, '')) * 100) + hundredths;
        changed[row] = `${code} ${label} ${(cents / 100).toFixed(2)}`;
        const text = changed.join('\n');
        const report = checkPublished(parseDisclosure(text), text);
        expect(report.inconsistencies).toBeGreaterThan(0);
        expect(report.rounding).toBe(0);
      },
    ),
    { numRuns: 40 },
  );
});
