/**
 * The GraphQL IDE as a person meets it: `budget-ledger serve` started as a real process, /graphql
 * opened in headless Chromium (Debian's chromium via playwright-core; nothing downloaded). The
 * IDE must render and run a query with every resource served by the service itself — government
 * networks are often offline. Skipped, with a message, where Chromium is not installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freshDatabase, type TestDatabase } from '../support/db';
import { cleanEnv, serve, type Served } from '../support/cli';
import { freePort } from '../support/ports';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(
    `ide-chromium: SKIPPED — no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`,
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

describeIfChromium('the GraphQL IDE at /graphql', () => {
  let db: TestDatabase;
  let server: Served;
  let browser: Browser;

  beforeAll(async () => {
    db = await freshDatabase();
    // Seeds the empty ledger.
    server = await serve(cleanEnv({ DATABASE_URL: db.url }), await freePort());
    // A fresh, temporary profile.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  test('renders offline (every request stays on the service, no asset fails) and runs its default query', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const outside: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => {
      if (
        !r.url().startsWith(server.baseUrl) &&
        !r.url().startsWith('blob:') &&
        !r.url().startsWith('data:')
      )
        outside.push(r.url());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.baseUrl}/graphql`, { waitUntil: 'load' });
    // GraphiQL's editor area is there once the bundle has run.
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.waitForTimeout(1500); // the schema fetch and the editor's workers
    const shot = path.join(os.tmpdir(), `ide-${process.pid}.png`);
    await page.screenshot({ path: shot });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    // Run the default query (the published disclosure, no token): the seed's total comes back.
    await page.click('.graphiql-execute-button');
    await page.waitForFunction('document.body.innerText.includes("1256.36")', undefined, {
      timeout: 30_000,
    });
    await page.close();
  });
});
