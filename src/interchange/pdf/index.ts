/**
 * A PDF → the page-and-table text the disclosure parsers read (docs/interchange.md): for every
 * page `===== PAGE n =====` and its text lines, then each table rebuilt from its ruling lines as
 * `--- TABLE p<n>.<k> ---` and one line per row, cells joined by ` | `. That is the form of the
 * pdfplumber text the parsers were written against, so a PDF and its text are read by the same
 * code; a table continued on the next page is joined by the parser (segment.ts), as for text.
 */
import { pageContent } from './geometry';
import { findTables, type FoundTable } from './lattice';
import { readPdf, type PdfPageData } from './pdfjs-host';
import { textLines } from './words';

export { readPdf } from './pdfjs-host';
export type { FoundTable } from './lattice';

/** True when the bytes are a PDF file (its header, `%PDF-`, within the first KiB as readers allow). */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export interface PdfPage {
  page: number;
  lines: string[];
  tables: FoundTable[];
}

/** One page's text lines and tables. */
export function readPage(data: PdfPageData): PdfPage {
  const { glyphs, edges } = pageContent(data);
  return { page: data.page, lines: textLines(glyphs), tables: findTables(edges, glyphs) };
}

/** Pages as the parsers' text (cells with a `|` of their own keep it as `｜`, not a boundary). */
export function pagesText(pages: PdfPage[], header: string[] = []): string {
  const out: string[] = header.map((h) => `# ${h}`);
  if (out.length > 0) out.push('');
  for (const p of pages) {
    out.push(`===== PAGE ${p.page} =====`, ...p.lines);
    p.tables.forEach((t, k) => {
      out.push('', `--- TABLE p${p.page}.${k + 1} (cells joined by ' | ') ---`);
      for (const row of t.rows)
        out.push(row.map((c) => (c ?? '').replace(/\|/g, '｜')).join(' | '));
    });
    out.push('');
  }
  return out.join('\n');
}

export interface PdfText {
  text: string;
  pages: PdfPage[];
  /** Milliseconds inside pdfjs-dist's own text content and operator lists. */
  pdfjsMs: number;
}

/** Reads a PDF in this process (pdfjs-dist on a worker thread) and writes it as page text. */
export async function pdfToText(bytes: Uint8Array, source?: string): Promise<PdfText> {
  const data = await readPdf(bytes);
  const pages = data.pages.map(readPage);
  const header = [
    `SOURCE: ${source ?? 'PDF'} (${bytes.length} bytes, ${pages.length} pages)`,
    `EXTRACTION: pdfjs-dist ${data.version}; tables rebuilt from the ruling lines`,
  ];
  return { text: pagesText(pages, header), pages, pdfjsMs: data.pdfjsMs };
}
