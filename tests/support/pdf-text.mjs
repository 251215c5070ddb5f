/**
 * Reads a PDF with pdfjs-dist (no poppler) and prints JSON to stdout: per page, the text items
 * with their position (x, y from the page's top, in points) and the fonts the page uses (name,
 * whether the font program is embedded, its type). Run as a child process because pdfjs-dist is
 * an ES module that Jest's CommonJS runtime cannot import: `node pdf-text.mjs <file.pdf>`.
 */
import fs from 'node:fs';
import process from 'node:process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 })
  .promise;
const pages = [];
const fonts = new Map();
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const height = page.view[3] - page.view[1];
  const content = await page.getTextContent();
  const items = content.items
    .filter((i) => 'str' in i && i.str.trim() !== '')
    .map((i) => ({
      str: i.str,
      x: Math.round(i.transform[4] * 10) / 10,
      y: Math.round((height - i.transform[5]) * 10) / 10,
      w: Math.round(i.width * 10) / 10,
    }));
  // Loading the operator list makes pdfjs parse every font of the page into commonObjs.
  await page.getOperatorList();
  for (const f of Object.keys(content.styles)) {
    if (fonts.has(f)) continue;
    const obj = page.commonObjs.has(f) ? page.commonObjs.get(f) : null;
    fonts.set(f, {
      id: f,
      name: obj?.name ?? null,
      embedded: obj ? !obj.missingFile : null,
      type: obj?.type ?? null,
      subtype: obj?.subtype ?? null,
    });
  }
  pages.push({ page: n, width: page.view[2], height, items });
}
process.stdout.write(JSON.stringify({ numPages: doc.numPages, pages, fonts: [...fonts.values()] }));
