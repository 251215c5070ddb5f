/**
 * The extracted text as numbered lines, each either prose or a row of table cells. Two extraction
 * styles are recognised:
 * - tab-separated cells (the seed's source.txt): a line with a tab is a row of cells;
 * - pdfplumber pages (`===== PAGE n =====`) whose tables follow as `--- TABLE … ---` blocks with
 *   cells joined by ` | ` (the Shanghai sample). The page text above a table block repeats the
 *   table without cell boundaries; such lines are kept as `shadow` prose so titles and units can
 *   still be read from them, but they are never taken for rows.
 */

export interface DocLine {
  /** 1-based line number in the input. */
  no: number;
  text: string;
  cells: string[] | null;
  /** Page text duplicated by a table block on the same page (pdfplumber style). */
  shadow: boolean;
}

export type Extraction = 'tabs' | 'pdfplumber';

const PAGE = /^===== PAGE \d+ =====$/;
const TABLE_BLOCK = /^--- TABLE .* ---$/;
/** Table-of-contents entries ("表一2024年预算收支总表.....\t2") are prose, not rows. */
const TOC_LEADER = /\.{3,}|…{2,}/;
/** A heading followed by its page number ("第一部分 概况\t1"): a table-of-contents entry too. */
const TOC_PAGE = /^[^\t]*[^\d\s\t][^\t]*\t\s*\d{1,3}\s*$/;

export function extractionOf(text: string): Extraction {
  return /^--- TABLE .* ---$/m.test(text) && /^===== PAGE \d+ =====$/m.test(text)
    ? 'pdfplumber'
    : 'tabs';
}

function tabLines(raw: string[]): DocLine[] {
  return raw.map((text, i) => ({
    no: i + 1,
    text,
    cells:
      text.includes('\t') && !TOC_LEADER.test(text) && !TOC_PAGE.test(text)
        ? text.split('\t').map((c) => c.trim())
        : null,
    shadow: false,
  }));
}

function pdfplumberLines(raw: string[]): DocLine[] {
  // Pages that carry a table block: their page text is a shadow of the block.
  const pageHasTable = new Map<number, boolean>();
  let page = 0;
  raw.forEach((text) => {
    if (PAGE.test(text)) page += 1;
    else if (TABLE_BLOCK.test(text)) pageHasTable.set(page, true);
  });
  const out: DocLine[] = [];
  let inBlock = false;
  page = 0;
  raw.forEach((text, i) => {
    const no = i + 1;
    if (PAGE.test(text)) {
      page += 1;
      inBlock = false;
      return;
    }
    if (TABLE_BLOCK.test(text)) {
      inBlock = true;
      return;
    }
    if (page === 0 && text.startsWith('#')) return; // the sample's provenance header
    if (inBlock && text.trim() === '') inBlock = false;
    if (inBlock) out.push({ no, text, cells: text.split('|').map((c) => c.trim()), shadow: false });
    else
      out.push({
        no,
        text,
        cells: null,
        shadow: pageHasTable.get(page) === true && text.trim() !== '',
      });
  });
  return out;
}

export function splitDocument(text: string): { extraction: Extraction; lines: DocLine[] } {
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const extraction = extractionOf(text);
  return { extraction, lines: extraction === 'pdfplumber' ? pdfplumberLines(raw) : tabLines(raw) };
}
