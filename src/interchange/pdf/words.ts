/**
 * Glyphs → lines of text, as pdfplumber's extract_text reads them (so the page text of a PDF read
 * here looks like the pdfplumber text the parsers were written against): glyphs whose tops lie
 * within 3 points of the previous one's are one line; a line's glyphs left to right, a word
 * ending at a blank or at a gap wider than 3 points; words joined by one space.
 */
import type { Glyph } from './geometry';

export const X_TOLERANCE = 3;
export const Y_TOLERANCE = 3;

/**
 * Values clustered as pdfplumber does: sorted, a new cluster when a value is > tolerance past the
 * last.
 */
export function clusterBy<T>(items: T[], key: (t: T) => number, tolerance: number): T[][] {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  const out: T[][] = [];
  let last = -Infinity;
  for (const item of sorted) {
    const k = key(item);
    if (out.length === 0 || k > last + tolerance) out.push([item]);
    else out[out.length - 1]!.push(item);
    last = k;
  }
  return out;
}

/** One line's glyphs as text: words split at blanks and gaps, joined by a space. */
function lineText(glyphs: Glyph[]): string {
  const sorted = [...glyphs].sort((a, b) => a.x0 - b.x0);
  const words: string[] = [];
  let word = '';
  let prev: Glyph | null = null;
  for (const g of sorted) {
    if (/^\s+$/.test(g.text)) {
      if (word !== '') words.push(word);
      word = '';
      prev = null;
      continue;
    }
    if (prev && g.x0 > prev.x1 + X_TOLERANCE && word !== '') {
      words.push(word);
      word = '';
    }
    word += g.text;
    prev = g;
  }
  if (word !== '') words.push(word);
  return words.join(' ');
}

/** The glyphs as lines of text, top to bottom (empty lines dropped). */
export function textLines(glyphs: Glyph[]): string[] {
  return clusterBy(glyphs, (g) => g.top, Y_TOLERANCE)
    .map(lineText)
    .filter((l) => l !== '');
}
