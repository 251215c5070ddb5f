/**
 * What pdfjs-dist sees on each page of a PDF: the operators that place text (text state, glyphs
 * with their advances) and that can draw a table's ruling lines (paths, the graphics state stack,
 * transforms). Glyphs are read from the operator list rather than getTextContent, whose runs join
 * text a small gap apart (two cells' figures in one run) and so lose each character's position.
 *
 * pdfjs-dist is an ES module and this project compiles to CommonJS; it is loaded by a real
 * `import()` inside a worker thread, which works the same from the build and under jest (whose
 * module sandbox refuses dynamic imports), and keeps the parsing of a large PDF off the thread
 * that serves requests. The worker only gathers plain data; src/interchange/pdf reads it.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A glyph of a showText operator: its text, advance (glyph space, 1/1000 em) and blank flag. */
export type PdfGlyph = [unicode: string, width: number, isSpace: 0 | 1];

/** One drawing or text operator: pdfjs-dist's OPS code and its arguments as plain numbers. */
export interface PdfOp {
  fn: number;
  /** constructPath: the path data; setFont: size, the font matrix (6), the font's descent. */
  args: number[];
  /** constructPath: the paint operator applied to the path. */
  paint?: number;
  /** showText: glyphs and TJ adjustments (numbers, 1/1000 em). */
  glyphs?: (number | PdfGlyph)[];
}

export interface PdfPageData {
  /** 1-based page number. */
  page: number;
  /** Viewport (scale 1, the page's own rotation) size and its page-space → viewport matrix. */
  width: number;
  height: number;
  viewport: number[];
  ops: PdfOp[];
}

export interface PdfData {
  pages: PdfPageData[];
  /** pdfjs-dist's version, for provenance. */
  version: string;
  /** Milliseconds inside pdfjs-dist's getOperatorList, for the benchmark. */
  pdfjsMs: number;
}

/** The pdfjs-dist OPS codes read here (stable across pdfjs-dist 5.x). */
export const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  constructPath: 91,
  endPath: 28,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  beginText: 31,
  setCharSpacing: 33,
  setWordSpacing: 34,
  setHScale: 35,
  setLeading: 36,
  setFont: 37,
  setTextRise: 39,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
} as const;

/** The worker: plain JavaScript, run by Node as is (no build step, no jest transform). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.module);
  const OPS = pdfjs.OPS;
  const keep = new Set([OPS.save, OPS.restore, OPS.paintFormXObjectEnd, OPS.beginText,
    OPS.nextLine]);
  const numeric = new Set([OPS.transform, OPS.setCharSpacing, OPS.setWordSpacing, OPS.setHScale,
    OPS.setLeading, OPS.setTextRise, OPS.moveText, OPS.setLeadingMoveText, OPS.setTextMatrix]);
  const doc = await pdfjs.getDocument({
    data: workerData.bytes, cMapUrl: workerData.cmaps, cMapPacked: true,
    standardFontDataUrl: workerData.fonts, disableFontFace: true, isEvalSupported: false,
    verbosity: 0,
  }).promise;
  let pdfjsMs = 0;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    const t0 = performance.now();
    const list = await page.getOperatorList();
    pdfjsMs += performance.now() - t0;
    const ops = [];
    list.fnArray.forEach((fn, k) => {
      const a = list.argsArray[k];
      if (fn === OPS.constructPath) {
        if (a[0] !== OPS.endPath) ops.push({ fn, paint: a[0], args: Array.from(a[1][0] || []) });
      } else if (fn === OPS.showText) {
        const glyphs = a[0].map((g) => typeof g === 'number' ? g
          : [g.unicode || '', g.width || 0, g.isSpace ? 1 : 0]);
        ops.push({ fn, args: [], glyphs });
      } else if (fn === OPS.setFont) {
        const font = page.commonObjs.has(a[0]) ? page.commonObjs.get(a[0]) : null;
        const matrix = (font && font.fontMatrix) || [0.001, 0, 0, 0.001, 0, 0];
        const descent = font && typeof font.descent === 'number' ? font.descent : -0.2;
        ops.push({ fn, args: [a[1], ...matrix, descent] });
      } else if (numeric.has(fn))
        // setTextMatrix comes as one typed array, the others as numbers.
        ops.push({ fn, args: Array.from(a.length === 1 && typeof a[0] === 'object' ? a[0] : a) });
      else if (fn === OPS.paintFormXObjectBegin)
        ops.push({ fn, args: Array.from(a[0] || [1, 0, 0, 1, 0, 0]) });
      else if (keep.has(fn)) ops.push({ fn, args: [] });
    });
    pages.push({ page: n, width: vp.width, height: vp.height, viewport: vp.transform, ops });
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ pages, version: pdfjs.version, pdfjsMs });
})().catch((err) => parentPort.postMessage({ error: String(err && err.message || err) }));
`;

function pdfjsPaths(): { module: string; cmaps: string; fonts: string } {
  const module = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const root = path.resolve(path.dirname(module), '../..');
  return {
    module: pathToFileURL(module).href,
    cmaps: path.join(root, 'cmaps') + path.sep,
    fonts: path.join(root, 'standard_fonts') + path.sep,
  };
}

/** Every page's text and drawing operators; rejects when pdfjs-dist cannot open the file. */
export function readPdf(bytes: Uint8Array): Promise<PdfData> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { ...pdfjsPaths(), bytes: new Uint8Array(bytes) },
    });
    let settled = false;
    worker.once('message', (m: PdfData | { error: string }) => {
      settled = true;
      void worker.terminate();
      if ('error' in m) reject(new Error(`PDF not readable: ${m.error}`));
      else resolve(m);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`PDF reader stopped (exit ${code})`));
    });
  });
}
