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
import { freshDatabase, type TestDatabase } from '../support/db';
import { cleanEnv, runCli } from '../support/cli';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`html-chromium: SKIPPED — no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`);
const describeIfChromium = haveChromium ? describe : describe.skip;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The published tables in order t01 … t13 (expected.json keys are t01_…). */
const published = Object.entries(expected.tables)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([key, t]) => ({ id: key.slice(0, 3), table: t as { title: string; rows?: unknown[] } }));

describeIfChromium('HTML export of the seed in headless Chromium', () => {
  let db: TestDatabase;
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];

  beforeAll(async () => {
    db = await freshDatabase();
    const env = cleanEnv({ DATABASE_URL: db.url });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'html-chromium-'));
    const seed = await runCli(['seed'], env);
    expect(seed.code).toBe(0);
    const out = await runCli(['export', '--unit', '019', '--year', '2024', '--as-of', 'published', '--format', 'html', '--out', dir], env);
    expect(out).toMatchObject({ code: 0 });
    expect(out.stdout.trim()).toBe(path.join(dir, 'disclosure.html'));

    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1200, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(path.join(dir, 'disclosure.html')).href, { waitUntil: 'load' });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await db?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a full-page screenshot of the document', async () => {
    const file = path.join(dir, 'disclosure.png');
    await page.screenshot({ path: file, fullPage: true });
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(50_000);
    // full page: far taller than the viewport (13 tables, the explanation, the forms)
    const height = png.readUInt32BE(20);
    expect(height).toBeGreaterThan(5_000);
  });

  it('renders all 13 tables with the published titles and figures', async () => {
    expect(await page.locator('table.data').count()).toBe(13);
    for (const { id, table } of published) {
      const section = page.locator(`section#${id}`);
      await expect(section.isVisible()).resolves.toBe(true);
      const text = await section.innerText();
      expect(text).toContain(table.title);
      expect(text).toContain('单位：万元');
    }
    const t01 = await page.locator('section#t01').innerText();
    expect(t01).toMatch(/一、一般公共预算\t1256\.36/);
    expect(t01).toMatch(/收入总计\t1256\.36/);
    const t03 = await page.locator('section#t03').innerText();
    expect(t03).toMatch(/合计\t1256\.36\t229\.24\t1027\.12/);
    const t12 = await page.locator('section#t12').innerText();
    const rows = expected.tables.t12_project_expenditure_current.rows;
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(t12).toContain(`${r.project}\t${r.total}`);
    for (const id of ['t07', 't08', 't09', 't13']) expect(await page.locator(`section#${id}`).innerText()).toContain('本表无数据');
  });

  it('renders both charts with their titles and non-zero boxes', async () => {
    for (const [id, title] of [
      ['chart-general-budget-structure', '2024年一般公共预算支出结构'],
      ['chart-sangong', '2024年“三公”经费预算构成'],
    ] as const) {
      const svg = page.locator(`svg#${id}`);
      const box = await svg.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(100);
      expect(await page.locator(`svg#${id} > title`).textContent()).toBe(title);
      expect(await svg.getAttribute('role')).toBe('img');
    }
    const slices = page.locator('svg#chart-general-budget-structure path.slice');
    expect(await slices.count()).toBe(2);
    for (let i = 0; i < 2; i++) expect((await slices.nth(i).boundingBox())!.width).toBeGreaterThan(10);
    const bars = page.locator('svg#chart-sangong rect.bar');
    expect(await bars.count()).toBe(4);
    expect((await bars.nth(3).boundingBox())!.width).toBeGreaterThan(100); // 公务用车运行维护费 5.00
    expect(await page.locator('svg#chart-sangong').innerHTML()).toContain('5.00万元');
  });

  it('renders the explanation and the performance forms, and requests nothing outside the file', async () => {
    const body = await page.innerText('body');
    for (const part of ['第一部分\u3000概况', '第二部分\u30002024年单位预算报表', '第三部分\u30002024年度单位预算情况说明', '第四部分\u3000绩效目标表']) expect(body).toContain(part);
    expect(body).toContain('支出预算1,256.36万元');
    expect(await page.locator('section.project-form').count()).toBe(expected.performanceTargets.projects.length);
    expect(outside).toEqual([]);
  });

  it('prints to A4 with the tables on their own pages', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(16);
  });
});
