/**
 * The CJK font every PDF embeds: Noto Sans Hans (Simplified Chinese; SIL Open Font License) as
 * OpenType/CFF from the npm package @embedpdf/fonts-sc, so rendering needs no system font.
 * pdfkit (through fontkit) embeds a subset — the glyphs the document uses, with a ToUnicode map —
 * which keeps a document to a few hundred KB and its text extractable.
 */
import fs from 'node:fs';
import path from 'node:path';

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: 'NotoSansHans-Regular.otf',
  bold: 'NotoSansHans-Bold.otf',
};

/** The font files' directory inside the installed package (its entry point is dist/index.cjs). */
function fontDir(): string {
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

/** The font program of a weight, from the package (a few MB; only the glyphs used are kept). */
export function cjkFont(weight: FontWeight): Buffer {
  return fs.readFileSync(path.join(fontDir(), FILES[weight]));
}
