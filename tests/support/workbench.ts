/**
 * The web workbench as people meet it, for the browser journeys (tests/e2e/web-*.test.ts): the
 * service started as `npm start` starts it (`budget-ledger serve`, seeding an empty ledger), API
 * tokens made by the CLI, Debian's Chromium driven by playwright-core (nothing downloaded). Every
 * request the page makes is recorded: one leaving the service is a failure (works offline).
 * Skipped, with a message, where Chromium is not installed (CHROMIUM_PATH, default
 * /usr/bin/chromium); CI installs it (.ci/run).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/paths';
import { cleanEnv, runCli, serve, type Served } from './cli';
import { freshDatabase, type TestDatabase } from './db';
import { freePort } from './ports';
import type { GqlData } from './server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = fs.existsSync(CHROMIUM);

/** `describe`, or `describe.skip` with a warning where there is no Chromium. */
export function describeInBrowser(name: string, body: () => void): void {
  if (!haveChromium)
    console.warn(`${name}: SKIPPED — no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
  (haveChromium ? describe : describe.skip)(name, body);
}

/** Where the journeys' screenshots go (the README shows them). */
export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? path.join(PROJECT_ROOT, 'docs', 'images');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];

/** A 公用经费 line of the seed's 019001 under 2010301 行政运行, by its department economic 款. */
export const officeLine = (deptEconCode: string) => ({
  fundSource: 'general-public',
  functionalCode: '2010301',
  kind: 'public',
  deptEconCode,
  govEconCode: '50201',
});

/** submitAdjustment, answering its adjustmentId. */
export const SUBMIT = `mutation S($input: SubmitAdjustmentInput!) {
  submitAdjustment(input: $input) { adjustmentId } }`;

export type TokenName = 'officer' | 'reviewer' | 'auditor' | 'admin';

export interface Workbench {
  baseUrl: string;
  db: TestDatabase;
  tokens: Record<TokenName, string>;
  browser: Browser;
  /** Requests that left the service, and responses ≥ 400, of every page opened. */
  outside: string[];
  failed: string[];
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  signIn(page: Page, token: TokenName): Promise<void>;
  shot(page: Page, name: string, fullPage?: boolean): Promise<string>;
  /** A GraphQL request as a token (null: PUBLIC) that must succeed; its data. */
  api(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlData>;
}

const TOKENS: Record<TokenName, string[]> = {
  officer: [
    '--role',
    'BUDGET_OFFICER',
    '--unit',
    '019001',
    '--unit',
    '019002',
    '--label',
    '张会计',
    '--person',
    'zhang.kuaiji',
  ],
  reviewer: ['--role', 'FINANCE_REVIEWER', '--label', '李审核', '--person', 'li.shenhe'],
  auditor: ['--role', 'AUDITOR', '--label', '王审计'],
  admin: ['--role', 'ADMIN', '--label', '管理员'],
};

/** A server, its tokens and a browser for the tests of one file; torn down after them. */
export function useWorkbench(): Workbench {
  const w = { outside: [] as string[], failed: [] as string[] } as Workbench & {
    server: Served;
  };
  beforeAll(async () => {
    w.db = await freshDatabase();
    const env = cleanEnv({ DATABASE_URL: w.db.url });
    w.server = await serve(env, await freePort());
    w.baseUrl = w.server.baseUrl;
    w.tokens = {} as Workbench['tokens'];
    for (const [name, args] of Object.entries(TOKENS)) {
      const made = await runCli(['token', 'create', ...args], env);
      if (made.code !== 0) throw new Error(made.stderr);
      w.tokens[name as TokenName] = made.stdout.trim();
    }
    w.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 180_000);
  afterAll(async () => {
    await w.browser?.close();
    await w.server?.stop();
    await w.db?.drop();
  });
  w.open = async (to, viewport = { width: 1280, height: 900 }) => {
    const page = await w.browser.newPage({ viewport, locale: 'zh-CN' });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(w.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
        w.outside.push(url);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) w.failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${w.baseUrl}${to}`, { waitUntil: 'load' });
    return page;
  };
  w.signIn = async (page, token) => {
    await page.goto(`${w.baseUrl}/login`);
    await page.fill('#token', w.tokens[token]);
    await page.press('#token', 'Enter');
    await page.waitForSelector('header .who button');
  };
  w.shot = async (page, name, fullPage = false) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    return file;
  };
  w.api = async (token, query, variables = {}) => {
    const res = await fetch(`${w.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: GqlData; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  return w;
}
