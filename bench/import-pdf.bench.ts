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
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseDisclosure } from '../src/interchange';
import { pdfToText } from '../src/interchange/pdf';
import { PROJECT_ROOT } from '../src/paths';

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

void main();
