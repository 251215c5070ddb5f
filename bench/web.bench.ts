/**
 * npm run bench:web — the web workbench's published disclosure page in Debian's Chromium
 * (playwright-core): navigation start → first table on screen (the page is usable: title,
 * position and digest, downloads, contents, tables 1–2), → all 13 tables, → both charts drawn;
 * and the JavaScript shipped for it (bytes on the wire; the service sends them uncompressed, so
 * gzip sizes are given too for a server behind a compressing proxy). Cold: a fresh browser
 * context each round (nothing cached); warm: the same page loaded again in that context.
 * BENCH_ROUNDS (default 7) rounds; medians. The server runs in this process, seeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { LedgerService } from '../src/app/ledger-service';
import { createPool } from '../src/events/database';
import { EventStore } from '../src/events/event-store';
import { LedgerEventsHub } from '../src/graphql/events-hub';
import { startHttpServer } from '../src/graphql/server';
import { WEB_DIST } from '../src/graphql/web-app';
import { loadSeed } from '../src/seed/run';
import { benchDatabase, median, printTable } from './support';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Round {
  firstTable: number;
  allTables: number;
  charts: number;
  jsBytes: number;
  scripts: string[];
}

/** Milliseconds since navigation start at which `selector` is in the page. */
const at = `(sel) => new Promise((resolve) => {
  const done = () => document.querySelector(sel) && (resolve(performance.now()), true);
  if (done()) return;
  new MutationObserver((_, o) => done() && o.disconnect())
    .observe(document, { childList: true, subtree: true });
})`;

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (CHROMIUM_PATH)`);
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html')))
    throw new Error(`${WEB_DIST} is missing: npm run build`);
  const db = await benchDatabase('bench_web');
  const pool = createPool(db.serviceUrl, { max: 10 });
  const store = new EventStore(pool);
  const service = new LedgerService(store);
  await loadSeed(service, store, pool);
  const hub = new LedgerEventsHub(store, db.serviceUrl);
  await hub.start();
  const server = await startHttpServer({ pool, store, service, hub, port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = `${server.url}/public/019/2024`;
  const cold: Round[] = [];
  const warm: Round[] = [];
  try {
    const measure = async (p: import('playwright-core').Page): Promise<Round> => {
      // goto returns at commit, before the app has rendered: the page itself times each step.
      await p.goto(page, { waitUntil: 'commit' });
      const [firstTable, allTables, charts] = await Promise.all([
        p.evaluate(`(${at})('#t01')`) as Promise<number>,
        p.evaluate(`(${at})('#t13')`) as Promise<number>,
        p.evaluate(`(${at})('.charts figure:nth-child(2) svg')`) as Promise<number>,
      ]);
      const scripts = (await p.evaluate(
        `performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'))
          .map((r) => [r.name, r.encodedBodySize])`,
      )) as [string, number][];
      return {
        firstTable,
        allTables,
        charts,
        jsBytes: scripts.reduce((s, [, n]) => s + n, 0),
        scripts: scripts.map(([n]) => path.basename(new URL(n).pathname)),
      };
    };
    for (let i = 0; i < ROUNDS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const p = await context.newPage();
      cold.push(await measure(p));
      warm.push(await measure(p));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await hub.close();
    await store.close();
    await db.close();
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
  const row = (name: string, rs: Round[]) => [
    name,
    ms(rs.map((r) => r.firstTable)),
    ms(rs.map((r) => r.allTables)),
    ms(rs.map((r) => r.charts)),
  ];
  printTable(
    ['published disclosure page', 'first table (usable)', 'all 13 tables', 'charts drawn'],
    [row(`cold (median of ${ROUNDS})`, cold), row('warm (cached)', warm)],
  );
  const files = cold[0]!.scripts;
  const sizes = files.map((f) => {
    const body = fs.readFileSync(path.join(WEB_DIST, 'assets', f));
    return [f, body.length, zlib.gzipSync(body).length] as const;
  });
  printTable(
    ['JavaScript shipped for the page', 'bytes', 'gzip'],
    [
      ...sizes.map(([f, n, g]) => [f, n, g]),
      ['total', sizes.reduce((s, [, n]) => s + n, 0), sizes.reduce((s, [, , g]) => s + g, 0)],
    ],
  );
  console.log(`bytes on the wire (cold): ${cold[0]!.jsBytes}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
