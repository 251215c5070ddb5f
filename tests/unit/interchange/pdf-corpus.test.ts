/**
 * The PDF reader on the corpus (data/corpus): for every document, the tables rebuilt from the
 * PDF's ruling lines give the same cells, page by page and table by table, as the pdfplumber text
 * published beside it — and the parser reads the same tables from either.
 *
 * pdfplumber's own quirks listed in data/corpus/README.md (a table's title and 部门 line merged
 * into its first cell, a detected table including its title rows, empty spacer columns) are not
 * extraction errors of either reader: the title lies inside the outer frame the document draws,
 * so a reader of the drawn lines puts it in that cell. They are compared as they are, and the
 * parsers cope with them for both inputs. The one difference the parsers see is outside the
 * tables: the text file's provenance header, which names the year in some file names (the parsed
 * fiscal year is compared only where the document itself prints it in one piece).
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkPublished, parseDisclosure } from '../../../src/interchange';
import { isPdf, pdfToText, type PdfText } from '../../../src/interchange/pdf';

const corpus = path.join(__dirname, '..', '..', '..', 'data', 'corpus');
const names = fs
  .readdirSync(path.join(corpus, 'pdf'))
  .filter((f) => f.endsWith('.pdf'))
  .map((f) => f.replace(/\.pdf$/, ''))
  .sort();

/** The `--- TABLE p<n>.<k> ---` blocks of a page text: key "n.k" → rows of trimmed cells. */
function tablesOf(text: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  let rows: string[][] | null = null;
  for (const line of text.split('\n')) {
    const m = /^--- TABLE p(\d+\.\d+) /.exec(line);
    if (m) out.set(m[1]!, (rows = []));
    else if (/^===== PAGE \d+ =====$/.test(line) || line === '') rows = null;
    else if (rows) rows.push(line.split(' | ').map((c) => c.trim()));
  }
  return out;
}

const read = new Map<string, Promise<PdfText>>();
const fromPdf = (name: string): Promise<PdfText> => {
  if (!read.has(name))
    read.set(name, pdfToText(fs.readFileSync(path.join(corpus, 'pdf', `${name}.pdf`)), name));
  return read.get(name)!;
};
const plumber = (name: string) => fs.readFileSync(path.join(corpus, 'text', `${name}.txt`), 'utf8');

it('the corpus has its eleven documents', () => {
  expect(names).toHaveLength(11);
  for (const name of names)
    expect(isPdf(fs.readFileSync(path.join(corpus, 'pdf', `${name}.pdf`)))).toBe(true);
  expect(isPdf(Buffer.from(plumber(names[0]!)))).toBe(false);
});

describe.each(names)('%s', (name) => {
  it('every table of the PDF has the cells of the pdfplumber text', async () => {
    const mine = tablesOf((await fromPdf(name)).text);
    const theirs = tablesOf(plumber(name));
    expect(theirs.size).toBeGreaterThan(0);
    expect([...mine.keys()]).toEqual([...theirs.keys()]);
    for (const [key, rows] of theirs) expect({ key, rows: mine.get(key) }).toEqual({ key, rows });
  }, 30_000);

  it('parses to the same tables, figures, problems and findings as the pdfplumber text', async () => {
    const a = parseDisclosure((await fromPdf(name)).text);
    const b = parseDisclosure(plumber(name));
    const tables = (p: typeof a) =>
      p.tables.map((t) => ({ id: t.id, title: t.title, unit: t.moneyUnit, rows: t.rows }));
    expect(tables(a)).toEqual(tables(b));
    expect(a.layout).toBe(b.layout);
    expect(a.unitName).toBe(b.unitName);
    const values = (p: typeof a) =>
      Object.fromEntries(Object.entries(p.narrative).map(([k, v]) => [k, v.value]));
    expect(values(a)).toEqual(values(b));
    expect(a.procurement?.total).toBe(b.procurement?.total);
    // Line numbers differ by the provenance headers; the messages must not.
    const messages = (p: typeof a) => p.issues.map((i) => i.message.replace(/lines? [\d, ]+/g, ''));
    expect(messages(a)).toEqual(messages(b));
    if (a.fiscalYear !== null) expect(a.fiscalYear).toBe(b.fiscalYear);
    // And the checker finds the same on both (its 编制说明 rules read the page text).
    const findings = (p: typeof a, text: string) =>
      checkPublished(p, text).findings.map((f) => [f.kind, f.ruleId, f.published, f.computed]);
    expect(findings(a, (await fromPdf(name)).text)).toEqual(findings(b, plumber(name)));
  }, 30_000);
});

it('joins a name wrapped inside its cell and a table continued on the next page', async () => {
  const name = 'putuo-social-work-dept-2024-dept-final-accounts';
  const text = (await fromPdf(name)).text;
  // The page text has the name over two lines; the cell has it whole.
  expect(text).toMatch(/^2080505 \| 机关事业单位基本养老保险缴费支出 \| 6\.18/m);
  const gov = parseDisclosure((await fromPdf('putuo-government-office-2025-dept-budget')).text);
  const t05 = gov.tables.find((t) => t.id === 't05')!;
  // Table 5 runs over two pages: its rows are one table, closed by the total of both pages.
  expect(t05.rows.map((r) => r.code)).toEqual(expect.arrayContaining(['201', '2210203']));
  expect(t05.rows[t05.rows.length - 1]!.key).toBe('total');
}, 30_000);
