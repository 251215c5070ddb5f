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

/**
 * True when the bytes are a PDF file (its header, `%PDF-`, within the first KiB as readers allow).
 */
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

/**
 * Where a line of a PDF's page text lies in the PDF: "page 9 line 4" for the page's own text,
 * "page 9 table 1 row 3" for a table's row — what a reader of the PDF can find.
 */
export function pdfLocator(text: string): (line: number) => string {
  const at: string[] = [];
  let page = 0;
  let line = 0;
  let table = 0;
  let row = 0;
  for (const l of text.split('\n')) {
    const p = /^===== PAGE (\d+) =====$/.exec(l);
    const t = /^--- TABLE p\d+\.(\d+) /.exec(l);
    if (p) [page, line, table, row] = [Number(p[1]), 0, 0, 0];
    else if (t) [table, row] = [Number(t[1]), 0];
    else if (l === '') table = 0;
    else if (table > 0) row += 1;
    else line += 1;
    at.push(
      page === 0
        ? 'header'
        : table > 0
          ? `page ${page} table ${table} row ${row}`
          : `page ${page} line ${line}`,
    );
  }
  return (n) => at[n - 1] ?? `line ${n}`;
}

/** A report's "line N" references as places in the PDF. */
export const withPdfPlaces = (report: string, locate: (line: number) => string): string =>
  report.replace(/\blines? (\d+(?:, \d+)*)\b/g, (_, ns: string) =>
    ns
      .split(', ')
      .map((n) => locate(Number(n)))
      .join(', '),
  );
