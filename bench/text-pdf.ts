/**
 * A disclosure's pdfplumber text typeset back into a PDF (pdfkit, Noto Sans SC), for the
 * benchmark and the test (tests/int/import-pdf.test.ts) that need a PDF the ledger can import: each page prints its text lines, then each of its tables
 * as a ruled grid (every cell its own box, its text inside). Read back by src/interchange/pdf it
 * gives the same tables, so the import of the PDF plans what the import of the text plans.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

// The package exports no file paths; its fonts sit beside its dist/ entry point.
const FONT = path.join(
  path.dirname(require.resolve('@embedpdf/fonts-sc')),
  '..',
  'fonts',
  'NotoSansHans-Regular.otf',
);
const SIZE = 7;
const LINE = 11;
const ROW = 14;
const MARGIN = 36;

interface Page {
  lines: string[];
  tables: string[][][];
}

function pagesOf(text: string): Page[] {
  const pages: Page[] = [];
  let rows: string[][] | null = null;
  for (const l of text.split('\n')) {
    if (/^===== PAGE \d+ =====$/.test(l)) {
      pages.push({ lines: [], tables: [] });
      rows = null;
    } else if (/^--- TABLE /.test(l)) pages.at(-1)?.tables.push((rows = []));
    else if (l === '') rows = null;
    else if (rows) rows.push(l.split(' | ').map((c) => c.trim()));
    else if (pages.length > 0) pages.at(-1)!.lines.push(l);
  }
  return pages;
}

export function textToPdf(text: string, file: string): Promise<number> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true });
  doc.registerFont('sc', fs.readFileSync(FONT));
  const pages = pagesOf(text);
  for (const page of pages) {
    doc.font('sc').fontSize(SIZE);
    const widths = page.tables.map((t) =>
      Array.from({ length: Math.max(...t.map((r) => r.length)) }, (_, i) =>
        Math.max(24, ...t.map((r) => doc.widthOfString(r[i] ?? '') + 8)),
      ),
    );
    const textWidth = Math.max(0, ...page.lines.map((l) => doc.widthOfString(l)));
    const width = Math.max(842, textWidth, ...widths.map((w) => w.reduce((a, b) => a + b, 0)));
    const height =
      page.lines.length * LINE + page.tables.reduce((s, t) => s + t.length * ROW + ROW, 0);
    doc.addPage({ size: [width + 2 * MARGIN, Math.max(595, height + 2 * MARGIN)], margin: 0 });
    doc.font('sc').fontSize(SIZE).lineWidth(0.5);
    let y = MARGIN;
    for (const l of page.lines) {
      doc.text(l, MARGIN, y, { lineBreak: false });
      y += LINE;
    }
    page.tables.forEach((t, k) => {
      y += ROW;
      for (const row of t) {
        let x = MARGIN;
        widths[k]!.forEach((w, i) => {
          doc.rect(x, y, w, ROW).stroke();
          const cell = row[i] ?? '';
          if (cell !== '') doc.text(cell, x + 4, y + 3, { lineBreak: false });
          x += w;
        });
        y += ROW;
      }
    });
  }
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  doc.end();
  return new Promise((resolve, reject) => {
    out.on('finish', () => resolve(pages.length));
    out.on('error', reject);
  });
}
