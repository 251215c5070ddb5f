/**
 * The HTML export of the seed (as published), opened in headless Chromium (Debian's chromium,
 * driven by playwright-core; no browser is downloaded): a full-page screenshot, the rendered text
 * of all 13 tables against the published document (expected.json), both SVG charts laid out, and
 * no request leaving the file. Skipped, with a message, where Chromium is not installed
 * (CHROMIUM_PATH, default /usr/bin/chromium); CI installs it (.ci/run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import expected from '../../data/seed/fenyang-2024/expected.json';
import { sep } from '../../src/export/html';
import { parseDisclosure } from '../../src/interchange';
import { freshDatabase, type TestDatabase } from '../support/db';
import { cleanEnv, runCli } from '../support/cli';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(
    `html-chromium: SKIPPED — no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`,
  );
const describeIfChromium = haveChromium ? describe : describe.skip;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `dir`/disclosure.html in a fresh Chromium profile; every request that is not for a file is
 * recorded in `outside` and aborted.
 */
async function openInChromium(
  dir: string,
  outside: string[],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1200, height: 900 },
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pathToFileURL(path.join(dir, 'disclosure.html')).href, { waitUntil: 'load' });
  return { context, page };
}

/** The published tables in order t01 … t13 (expected.json keys are t01_…). */
const published = Object.entries(expected.tables)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([key, t]) => ({ id: key.slice(0, 3), table: t as { title: string; rows?: unknown[] } }));

/**
 * A fresh ledger, the CLI commands run on it in order (the last writes disclosure.html into the
 * directory), and the file open in Chromium, for the tests of one describe; torn down after them.
 */
function documentInChromium(prefix: string, commands: (dir: string) => string[][]) {
  const doc = { outside: [] as string[] } as {
    db: TestDatabase;
    dir: string;
    context: BrowserContext;
    page: Page;
    outside: string[];
  };
  beforeAll(async () => {
    doc.db = await freshDatabase();
    const env = cleanEnv({ DATABASE_URL: doc.db.url });
    doc.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const args of commands(doc.dir))
      expect(await runCli(args, env)).toMatchObject({ code: 0 });
    expect(fs.existsSync(path.join(doc.dir, 'disclosure.html'))).toBe(true);
    ({ context: doc.context, page: doc.page } = await openInChromium(doc.dir, doc.outside));
  }, 180_000);
  afterAll(async () => {
    await doc.context?.close();
    await doc.db?.drop();
    if (doc.dir) fs.rmSync(doc.dir, { recursive: true, force: true });
  });
  return doc;
}

describeIfChromium('HTML export of the seed in headless Chromium', () => {
  const doc = documentInChromium('html-chromium-', (dir) => [
    ['seed'],
    [
      'export',
      '--unit',
      '019',
      '--year',
      '2024',
      '--as-of',
      'published',
      '--format',
      'html',
      '--out',
      dir,
    ],
  ]);

  it('takes a full-page screenshot of the document', async () => {
    const file = path.join(doc.dir, 'disclosure.png');
    await doc.page.screenshot({ path: file, fullPage: true });
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(50_000);
    // full page: far taller than the viewport (13 tables, the explanation, the forms)
    const height = png.readUInt32BE(20);
    expect(height).toBeGreaterThan(5_000);
  });

  it('renders all 13 tables with the published titles and figures', async () => {
    expect(await doc.page.locator('table.data').count()).toBe(13);
    for (const { id, table } of published) {
      const section = doc.page.locator(`section#${id}`);
      await expect(section.isVisible()).resolves.toBe(true);
      const text = await section.innerText();
      expect(text).toContain(table.title);
      expect(text).toContain('单位：万元');
    }
    const t01 = await doc.page.locator('section#t01').innerText();
    expect(t01).toMatch(/一、一般公共预算\t1256\.36/);
    expect(t01).toMatch(/收入总计\t1256\.36/);
    const t03 = await doc.page.locator('section#t03').innerText();
    expect(t03).toMatch(/合计\t1256\.36\t229\.24\t1027\.12/);
    const t12 = await doc.page.locator('section#t12').innerText();
    const rows = expected.tables.t12_project_expenditure_current.rows;
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(t12).toContain(`${r.project}\t${r.total}`);
    for (const id of ['t07', 't08', 't09', 't13'])
      expect(await doc.page.locator(`section#${id}`).innerText()).toContain('本表无数据');
  });

  it('renders both charts with their titles and non-zero boxes', async () => {
    for (const [id, title] of [
      ['chart-general-budget-structure', '2024年一般公共预算支出结构'],
      ['chart-sangong', '2024年“三公”经费预算构成'],
    ] as const) {
      const svg = doc.page.locator(`svg#${id}`);
      const box = await svg.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(100);
      expect(await doc.page.locator(`svg#${id} > title`).textContent()).toBe(title);
      expect(await svg.getAttribute('role')).toBe('img');
    }
    const slices = doc.page.locator('svg#chart-general-budget-structure path.slice');
    expect(await slices.count()).toBe(2);
    for (let i = 0; i < 2; i++)
      expect((await slices.nth(i).boundingBox())!.width).toBeGreaterThan(10);
    const bars = doc.page.locator('svg#chart-sangong rect.bar');
    expect(await bars.count()).toBe(4);
    expect((await bars.nth(3).boundingBox())!.width).toBeGreaterThan(100); // 公务用车运行维护费 5.00
    expect(await doc.page.locator('svg#chart-sangong').innerHTML()).toContain('5.00万元');
  });

  it('renders the explanation and the performance forms, and requests nothing outside the file', async () => {
    const body = await doc.page.innerText('body');
    for (const part of [
      '第一部分\u3000概况',
      '第二部分\u30002024年单位预算报表',
      '第三部分\u30002024年度单位预算情况说明',
      '第四部分\u3000绩效目标表',
    ])
      expect(body).toContain(part);
    expect(body).toContain('支出预算1,256.36万元');
    expect(await doc.page.locator('section.project-form').count()).toBe(
      expected.performanceTargets.projects.length,
    );
    expect(doc.outside).toEqual([]);
  });

  it('prints to A4 with the tables on their own pages', async () => {
    const pdf = await doc.page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(16);
  });
});

describeIfChromium('HTML export in the Shanghai 9-table layout in headless Chromium', () => {
  const sample = path.join(
    __dirname,
    '../../data/samples/shanghai-finance-bureau-2025-unit-budget.txt',
  );
  const parsed = parseDisclosure(fs.readFileSync(sample, 'utf8'));
  const doc = documentInChromium('html-sh9-', (dir) => [
    ['import-disclosure', sample, '--unit', '310', '--year', '2025'],
    [
      'export',
      '--unit',
      '310',
      '--year',
      '2025',
      '--layout',
      'shanghai-9',
      '--format',
      'html',
      '--out',
      dir,
    ],
  ]);

  it("renders the nine tables with the sample's titles and every amount it prints, as printed", async () => {
    const file = path.join(doc.dir, 'disclosure.png');
    await doc.page.screenshot({ path: file, fullPage: true });
    expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(await doc.page.locator('table.data').count()).toBe(9);
    const sections = doc.page.locator('section.disclosure-table');
    let amounts = 0;
    for (const [i, t] of parsed.tables.entries()) {
      const text = await sections.nth(i).innerText();
      expect(text).toContain(t.title);
      expect(text).toContain(`单位：${t.moneyUnit}`);
      for (const row of t.rows) {
        for (const [k, c] of row.cells.entries()) {
          if (t.kinds[k] !== 'amount' || c === null || c === '') continue;
          expect(text).toContain(sep(c));
          amounts++;
        }
      }
    }
    expect(amounts).toBe(266); // every printed amount cell of the nine parsed tables
    expect(await doc.page.locator('section#sh01').innerText()).toMatch(
      /收入总计\t171,915,169\t支出总计\t171,915,169\t102,464,260\t25,177,779\t44,273,130/,
    );
  });

  it('draws both charts from tables 5 and 9, and requests nothing outside the file', async () => {
    for (const id of ['chart-general-budget-structure', 'chart-sangong']) {
      const box = await doc.page.locator(`svg#${id}`).boundingBox();
      expect(box!.width).toBeGreaterThan(100);
    }
    expect(await doc.page.locator('svg#chart-sangong').innerHTML()).toContain('288.70万元');
    expect(await doc.page.locator('svg#chart-general-budget-structure > title').textContent()).toBe(
      '2025年一般公共预算支出结构',
    );
    expect(doc.outside).toEqual([]);
  });
});

describeIfChromium('HTML export in the Jiangsu 12-table layout in headless Chromium', () => {
  const name = 'jiangsu-cppcc-office-2018-dept-budget-tables';
  const text = path.join(__dirname, `../../data/corpus/text/${name}.txt`);
  const parsed = parseDisclosure(fs.readFileSync(text, 'utf8'));
  const doc = documentInChromium('html-js12-', (dir) => [
    ['import-disclosure', text, '--unit', '401', '--year', '2018'],
    ['export', '--unit', '401', '--year', '2018', '--layout', 'jiangsu-12'].concat([
      '--format',
      'html',
      '--out',
      dir,
    ]),
  ]);

  it("renders the twelve tables with the document's titles and every amount it prints, as printed", async () => {
    const file = path.join(doc.dir, 'disclosure.png');
    await doc.page.screenshot({ path: file, fullPage: true });
    expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    expect(await doc.page.locator('h1').innerText()).toBe('江苏省政协办公厅2018年部门预算');
    expect(await doc.page.locator('table.data').count()).toBe(12);
    const sections = doc.page.locator('section.disclosure-table');
    let amounts = 0;
    for (const [i, t] of parsed.tables.entries()) {
      const shown = await sections.nth(i).innerText();
      expect(shown).toContain(t.title.replace(/^公开\d+表/, ''));
      expect(shown).toContain('部门：江苏省政协办公厅');
      expect(shown).toContain('单位：万元');
      for (const row of t.rows)
        for (const [k, c] of row.cells.entries()) {
          if (t.kinds[k] !== 'amount' || c === null || c === '') continue;
          expect([t.id, shown.includes(sep(c))]).toEqual([t.id, true]);
          amounts++;
        }
    }
    expect(amounts).toBeGreaterThan(100);
    // Table 1 two-sided as the document prints it: 收入 | 功能分类 | 支出用途, totals at the foot.
    const t01 = await doc.page.locator('section#js01').innerText();
    expect(t01).toMatch(
      /一、财政拨款\t10,070.48\t一、一般公共服务支出\t7,827.46\t一、基本支出\t5,678.17/,
    );
    expect(t01).toMatch(/收入合计\t10,150.48\t支出合计\t\t\t10,150.48/);
    // The coded tables: 科目编码 | 科目名称 | 金额.
    expect(await doc.page.locator('section#js05').innerText()).toMatch(
      /科目编码\t科目名称\t金额[\s\S]*2010201\t行政运行\t4,432.78/,
    );
    expect(doc.outside).toEqual([]);
  });
});
