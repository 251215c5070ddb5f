/**
 * npm run bench:import-pdf — reading published disclosures from their PDFs, beside pdfjs-dist's
 * own text extraction of the same pages.
 *
 * Files: the eleven PDFs of data/corpus (252 pages). Each round, for every file:
 * - ours: pdfToText (src/interchange/pdf) — a worker thread loads pdfjs-dist, takes every page's
 *   operator list, and the glyphs are placed, the ruling lines merged and the tables rebuilt —
 *   then parseDisclosure on the text (what check-disclosure and import-disclosure do before the
 *   rules or the plan);
 * - baseline: the same worker start and pdfjs-dist load, then getTextContent on every page (text
 *   runs with positions, no tables), i.e. the least a PDF reader on pdfjs-dist does.
 * Both sides alternate file by file, so the machine's drift hits both alike; BENCH_ROUNDS
 * (default 3) rounds, medians printed, the ratio is ours / baseline of each round's total.
 *
 * Then a disclosure from PDF to committed events, by `import-disclosure <file.pdf>`
 * (importDisclosureFile, as the CLI runs it), each round into a department of its own; baseline in
 * the same round: the same import from the text. Two documents: the largest of the corpus as
 * published (jiangsu-npc-standing-committee-office-2017-dept-budget, 31 pages, its pdfplumber text
 * as the baseline), and the Shanghai sample (data/samples) typeset into a PDF (text-pdf.ts) with
 * its 主要职能 page repeated to 30 pages (prose without figures: the import is unchanged).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { LedgerService } from '../src/app/ledger-service';
import { importDisclosureFile } from '../src/cli/import-disclosure';
import { createPool } from '../src/events/database';
import { EventStore } from '../src/events/event-store';
import { parseDisclosure } from '../src/interchange';
import { pdfToText } from '../src/interchange/pdf';
import { PROJECT_ROOT } from '../src/paths';
import { benchDatabase } from './support';
import { textToPdf } from './text-pdf';

const BASELINE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.module);
  const doc = await pdfjs.getDocument({ data: workerData.bytes, cMapUrl: workerData.cmaps,
    cMapPacked: true, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ pages: doc.numPages, items });
})();
`;

function baseline(bytes: Uint8Array): Promise<{ pages: number }> {
  const module = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const cmaps = path.join(path.dirname(module), '..', '..', 'cmaps') + path.sep;
  return new Promise((resolve, reject) => {
    const w = new Worker(BASELINE, {
      eval: true,
      workerData: { module: pathToFileURL(module).href, cmaps, bytes: new Uint8Array(bytes) },
    });
    w.once('message', (m: { pages: number }) => {
      void w.terminate();
      resolve(m);
    });
    w.once('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = path.join(PROJECT_ROOT, 'data', 'corpus', 'pdf');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const bytes = files.map((f) => fs.readFileSync(path.join(dir, f)));
  await pdfToText(bytes[0]!); // warm-up: code compiled, not timed
  await baseline(bytes[0]!);
  const perFile = files.map(() => ({ ours: [] as number[], base: [] as number[], pages: 0 }));
  const totals: { ours: number; base: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const total = { ours: 0, base: 0 };
    for (const [i, b] of bytes.entries()) {
      let t = performance.now();
      const read = await pdfToText(b, files[i]);
      parseDisclosure(read.text);
      const ours = performance.now() - t;
      t = performance.now();
      const base = await baseline(b);
      const took = performance.now() - t;
      perFile[i]!.ours.push(ours);
      perFile[i]!.base.push(took);
      perFile[i]!.pages = base.pages;
      total.ours += ours;
      total.base += took;
    }
    totals.push(total);
  }
  const pages = perFile.reduce((s, f) => s + f.pages, 0);
  console.log(`| file | pages | ours ms | pages/s | getTextContent ms | pages/s | ratio |`);
  console.log(`|---|--:|--:|--:|--:|--:|--:|`);
  for (const [i, f] of perFile.entries()) {
    const [o, b] = [median(f.ours), median(f.base)];
    console.log(
      `| ${files[i]} | ${f.pages} | ${o.toFixed(0)} | ${((f.pages * 1000) / o).toFixed(1)} | ${b.toFixed(0)} | ${((f.pages * 1000) / b).toFixed(1)} | ${(o / b).toFixed(2)} |`,
    );
  }
  const [o, b] = [median(totals.map((t) => t.ours)), median(totals.map((t) => t.base))];
  console.log(
    `| all (${files.length} files) | ${pages} | ${o.toFixed(0)} | ${((pages * 1000) / o).toFixed(1)} | ${b.toFixed(0)} | ${((pages * 1000) / b).toFixed(1)} | ${median(totals.map((t) => t.ours / t.base)).toFixed(2)} |`,
  );
}

/** The sample with its 主要职能 page (page 3) repeated until the document has `pages` pages. */
function padded(text: string, pages: number): string {
  const blocks = text.split(/(?=^===== PAGE \d+ =====$)/m);
  const prose = blocks.find((b) => b.startsWith('===== PAGE 3 ='))!;
  const have = blocks.filter((b) => b.startsWith('=====')).length;
  const extra = Array.from({ length: pages - have }, (_, i) =>
    prose.replace(/PAGE 3 =/, `PAGE ${have + i + 1} =`),
  );
  return [...blocks, ...extra].join('');
}

/** Each round imports the PDF and the text into departments of their own; medians printed. */
async function importRounds(
  label: string,
  pdfFile: string,
  textFile: string,
  year: number,
  rounds: number,
  firstUnit: number,
): Promise<void> {
  const db = await benchDatabase('bench_import_pdf');
  const pool = createPool(db.serviceUrl, { max: 4 });
  const store = new EventStore(pool);
  const service = new LedgerService(store);
  try {
    const pdf: number[] = [];
    const text: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const [file, times, unit] of [
        [pdfFile, pdf, `${firstUnit + 2 * r}`],
        [textFile, text, `${firstUnit + 1 + 2 * r}`],
      ] as const) {
        const t = performance.now();
        const { exitCode, output } = await importDisclosureFile(service, store, file, {
          unit,
          year,
        });
        if (exitCode !== 0) throw new Error(output);
        times.push(performance.now() - t);
      }
    }
    const [p, t] = [median(pdf), median(text)];
    console.log(
      `| ${label} (median of ${rounds}) | ${(p / 1000).toFixed(2)} s | ${(t / 1000).toFixed(2)} s | ${(p / t).toFixed(2)} |`,
    );
  } finally {
    await pool.end();
    await db.close();
  }
}

async function importScenario(rounds: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pdf-'));
  const sample = fs.readFileSync(
    path.join(PROJECT_ROOT, 'data/samples/shanghai-finance-bureau-2025-unit-budget.txt'),
    'utf8',
  );
  const textFile = path.join(dir, 'sample.txt');
  const pdfFile = path.join(dir, 'sample.pdf');
  fs.writeFileSync(textFile, padded(sample, 30));
  const pages = await textToPdf(fs.readFileSync(textFile, 'utf8'), pdfFile);
  console.log(`\n| disclosure → committed events | from PDF | from text | ratio |`);
  console.log(`|---|--:|--:|--:|`);
  await importRounds(
    `Shanghai sample typeset to ${pages} pages`,
    pdfFile,
    textFile,
    2025,
    rounds,
    401,
  );
  const real = 'jiangsu-npc-standing-committee-office-2017-dept-budget';
  const corpus = path.join(PROJECT_ROOT, 'data', 'corpus');
  await importRounds(
    `${real} (31 pages, as published)`,
    path.join(corpus, 'pdf', `${real}.pdf`),
    path.join(corpus, 'text', `${real}.txt`),
    2017,
    rounds,
    501,
  );
}

void main().then(() => importScenario(Number(process.env.BENCH_ROUNDS ?? 3)));
