/**
 * A published disclosure as the disclosure commands read it: a PDF (recognised by its `%PDF-`
 * header, whatever the file is called) is read in this process (src/interchange/pdf) into the
 * page-and-table text the parsers take; any other file is that text already (pdfplumber's, or
 * the seed's tab-separated form). The one place check-disclosure and import-disclosure read files.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isPdf, pdfLocator, pdfToText, withPdfPlaces } from '../interchange/pdf';

export interface DisclosureFile {
  text: string;
  /** SHA-256 of the file's bytes (the PDF's own, for a PDF). */
  sha256: string;
  pdf: boolean;
  /** A report's line references as the reader finds them: places in the PDF, or unchanged. */
  places(report: string): string;
  /** One line's place, for JSON output. */
  place(line: number): string;
}

export async function readDisclosureFile(file: string): Promise<DisclosureFile> {
  const bytes = fs.readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!isPdf(bytes))
    return {
      text: bytes.toString('utf8'),
      sha256,
      pdf: false,
      places: (r) => r,
      place: (n) => `line ${n}`,
    };
  const { text } = await pdfToText(bytes, path.basename(file));
  const locate = pdfLocator(text);
  return { text, sha256, pdf: true, places: (r) => withPdfPlaces(r, locate), place: locate };
}
