/**
 * export --format pdf through the CLI, read back with pdfjs-dist (no poppler): the seed as
 * published in the 13-table layout — every figure of the published tables (expected.json) found
 * on its table's pages, row by row in printed order; headers repeated on each page a table spans;
 * the CJK font embedded as a subset; the publication's position and ledger digest on the last
 * page — and the Shanghai sample in its 9-table layout with every amount it prints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Decimal from 'decimal.js';
import expected from '../../data/seed/fenyang-2024/expected.json';
import { sep } from '../../src/export/outline';
import { parseDisclosure } from '../../src/interchange';
import { cleanEnv, runCli } from '../support/cli';
import { freshDatabase, type TestDatabase } from '../support/db';
import { readPdf, type PdfPage, type PdfRead } from '../support/pdf';

let db: TestDatabase;
let env: NodeJS.ProcessEnv;
let dir: string;
beforeAll(async () => {
  db = await freshDatabase();
  env = cleanEnv({ DATABASE_URL: db.url });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-pdf-'));
}, 60_000);
afterAll(async () => {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const AMOUNT = /^-?[\d,]+\.\d+$/;
/** Printed amounts compare by value: expected.json keeps a figure's printed trailing zeros. */
const norm = (s: string): string => new Decimal(s.replace(/,/g, '')).toFixed(2);

/** Every object of a published table that holds figures: its rows, totals and sums. */
function figureRows(node: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(node)) node.forEach((n) => figureRows(n, out));
  else if (node && typeof node === 'object') {
    const values = Object.values(node);
    const amounts = values.filter((v): v is string => typeof v === 'string' && AMOUNT.test(v));
    if (amounts.length) out.push(amounts.map(norm));
    values.filter((v) => typeof v === 'object').forEach((v) => figureRows(v, out));
  }
  return out;
}

/** True when `want` appears in `line`'s amounts in that order (other amounts may sit between). */
function inOrder(line: string[], want: string[]): boolean {
  const amounts = line.filter((s) => AMOUNT.test(s)).map(norm);
  let k = 0;
  for (const a of amounts) if (a === want[k]) k++;
  return k === want.length;
}

/** The pages of each table, by its title and 编制单位 line, up to the next table's first page. */
function tablePages(pdf: PdfRead, titles: string[], end: (p: PdfPage) => boolean): PdfPage[][] {
  const starts = titles.map((title) =>
    pdf.pages.findIndex(
      (p) => p.items.some((i) => i.str === title) && p.text.includes('编制单位：'),
    ),
  );
  starts.forEach((s, i) => expect([titles[i], s >= 0]).toEqual([titles[i], true]));
  const last = pdf.pages.findIndex((p, i) => i > starts.at(-1)! && end(p));
  return starts.map((s, i) => pdf.pages.slice(s, starts[i + 1] ?? last));
}

describe('the seed as published, 13-table layout', () => {
  let pdf: PdfRead;
  let file: string;
  beforeAll(async () => {
    expect((await runCli(['seed'], env)).code).toBe(0);
    const out = path.join(dir, 'seed');
    const r = await runCli(
      ['export', '--unit', '019', '--year', '2024', '--as-of', 'published'].concat([
        '--format',
        'pdf',
        '--out',
        out,
      ]),
      env,
    );
    expect(r).toMatchObject({ code: 0 });
    file = path.join(out, 'disclosure.pdf');
    expect(r.stdout.trim()).toBe(file);
    pdf = await readPdf(file);
  }, 180_000);

  test('A4 pages, the CJK font embedded as a subset, a reasonable size', () => {
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    for (const p of pdf.pages)
      expect([p.width, p.height].map(Math.round).sort()).toEqual([595, 842]);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const f of pdf.fonts) {
      expect(f.embedded).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)$/);
    }
    // The font program is a few MB; the subset keeps only the glyphs used.
    expect(fs.statSync(file).size).toBeLessThan(800_000);
  });

  test('every figure of the 13 published tables, row by row, on its table’s pages', () => {
    const tables = Object.entries(expected.tables).sort(([a], [b]) => a.localeCompare(b));
    const pages = tablePages(
      pdf,
      tables.map(([, t]) => t.title),
      (p) => p.text.includes('第三部分'),
    );
    let figures = 0;
    tables.forEach(([name, t], i) => {
      const lines = pages[i]!.flatMap((p) => p.lines);
      for (const want of figureRows(t)) {
        const found = lines.some((l) => inOrder(l, want));
        expect([name, want, found]).toEqual([name, want, true]);
        figures += want.length;
      }
    });
    expect(figures).toBeGreaterThan(250);
    const t03 = pages[2]!.flatMap((p) => p.lines);
    expect(t03).toContainEqual(['合计', '1256.36', '229.24', '1027.12']);
    for (const i of [6, 7, 8, 12])
      expect(pages[i]!.map((p) => p.text).join()).toContain('本表无数据');
  });

  test('a table over several pages repeats its header on each', () => {
    const tables = Object.values(expected.tables);
    const pages = tablePages(
      pdf,
      tables.map((t) => t.title),
      (p) => p.text.includes('第三部分'),
    );
    const long = pages.filter((ps) => ps.length > 1);
    expect(long.length).toBeGreaterThan(0);
    for (const ps of long) {
      const header = ps[0]!.lines.find((l) => l.includes('项目') || l.includes('科目编码'))!;
      expect(header).toBeDefined();
      for (const p of ps.slice(1)) {
        expect(p.lines).toContainEqual(header);
        expect(p.text).toContain('（续）');
      }
    }
  });

  test('cover, contents with page numbers, parts one to four, charts, forms, page numbers', () => {
    const all = pdf.pages.map((p) => p.text.replace(/\n/g, '')).join('\n');
    for (const part of [
      '第一部分概况',
      '第二部分2024年单位预算报表',
      '第三部分',
      '第四部分绩效目标表',
    ])
      expect(all).toContain(part);
    expect(pdf.pages[0]!.text).toContain('汾阳市行政审批服务管理局');
    const contents = pdf.pages[1]!;
    const t12 = contents.lines.find((l) => l.includes('2024年项目支出预算表（本年预算）'))!;
    const page = Number(t12.at(-1));
    expect(
      pdf.pages[page - 1]!.items.some((i) => i.str === '2024年项目支出预算表（本年预算）'),
    ).toBe(true);
    expect(all).toContain('2024年一般公共预算支出结构');
    expect(all).toContain('5.00万元');
    // One form per project, each with its 实施单位 row.
    expect(all.split('实施单位').length - 1).toBe(expected.performanceTargets.projects.length);
    pdf.pages
      .slice(1)
      .forEach((p, i) => expect(p.text).toContain(`第 ${i + 2} 页 / 共 ${pdf.numPages} 页`));
  });

  test('the last page names the publication’s position and the ledger digest there', async () => {
    const last = pdf.pages.at(-1)!.lines.map((l) => l.join(''));
    const position = last.find((l) => l.startsWith('账本位置：'))!.slice('账本位置：'.length);
    const digest = last.find((l) => l.startsWith('账本摘要'))!.split('：')[1];
    const r = await runCli(['digest', '--check', digest!, '--at', position], env);
    expect(r.code).toBe(0);
    const shown = await db.ownerPool.query(
      `SELECT payload->>'ledgerPosition' AS p FROM fact_versions WHERE fact = 'publication'`,
    );
    expect(shown.rows.map((x) => x.p)).toContain(position);
  });
});

test('the Shanghai sample in its 9-table layout: every amount it prints, as printed', async () => {
  const sample = path.join(
    __dirname,
    '../../data/samples/shanghai-finance-bureau-2025-unit-budget.txt',
  );
  const sh = await freshDatabase();
  try {
    const shEnv = cleanEnv({ DATABASE_URL: sh.url });
    const out = path.join(dir, 'sh9');
    expect(
      await runCli(['import-disclosure', sample, '--unit', '310', '--year', '2025'], shEnv),
    ).toMatchObject({ code: 0 });
    const args = ['export', '--unit', '310', '--year', '2025', '--layout', 'shanghai-9'];
    expect(await runCli([...args, '--format', 'pdf', '--out', out], shEnv)).toMatchObject({
      code: 0,
    });
    const pdf = await readPdf(path.join(out, 'disclosure.pdf'));
    const parsed = parseDisclosure(fs.readFileSync(sample, 'utf8'));
    const pages = tablePages(
      pdf,
      parsed.tables.map((t) => t.title),
      (p) => p.text.includes('图表'),
    );
    let amounts = 0;
    parsed.tables.forEach((t, i) => {
      const items = pages[i]!.flatMap((p) => p.items.map((x) => x.str));
      for (const row of t.rows)
        for (const [k, c] of row.cells.entries()) {
          if (t.kinds[k] !== 'amount' || c === null || c === '') continue;
          expect([t.title, items.includes(sep(c))]).toEqual([t.title, true]);
          amounts++;
        }
    });
    expect(amounts).toBe(266);
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).toContain('288.70万元');
  } finally {
    await sh.drop();
  }
}, 180_000);
