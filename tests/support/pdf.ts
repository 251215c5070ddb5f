/**
 * A PDF read back the way a reader's tools would (pdfjs-dist, no poppler): its pages as lines of
 * text (items on one baseline, left to right) and its fonts. pdfjs-dist is an ES module, so it
 * runs in a child process (pdf-text.mjs) and hands back JSON.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export interface PdfFont {
  id: string;
  name: string | null;
  embedded: boolean | null;
}

export interface PdfItem {
  str: string;
  x: number;
  y: number;
}

export interface PdfPage {
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
  /** The page's items grouped by baseline (within 2 pt), top to bottom, each left to right. */
  lines: string[][];
  text: string;
}

export interface PdfRead {
  numPages: number;
  pages: PdfPage[];
  fonts: PdfFont[];
}

const SCRIPT = path.join(__dirname, 'pdf-text.mjs');

function linesOf(items: PdfItem[]): string[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfItem[][] = [];
  for (const it of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last[0]!.y - it.y) < 2) last.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x).map((i) => i.str.trim()));
}

export async function readPdf(file: string): Promise<PdfRead> {
  const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, file], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const raw = JSON.parse(stdout) as Omit<PdfRead, 'pages'> & {
    pages: Omit<PdfPage, 'lines' | 'text'>[];
  };
  return {
    ...raw,
    pages: raw.pages.map((p) => ({
      ...p,
      lines: linesOf(p.items),
      text: p.items.map((i) => i.str).join('\n'),
    })),
  };
}
