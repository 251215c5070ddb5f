/**
 * A published disclosure's bytes as the disclosure commands read them: a PDF (recognised by its
 * `%PDF-` header) is read in this process (src/interchange/pdf) into the page-and-table text the
 * parsers take; any other bytes are that text already (UTF-8: pdfplumber's, or the seed's
 * tab-separated form). Shared by the CLI (a file) and the GraphQL import (base64 content).
 */
import { createHash } from 'node:crypto';
import { isPdf, pdfLocator, pdfToText, withPdfPlaces } from '../interchange/pdf';

export interface DisclosureSource {
  text: string;
  /** SHA-256 of the bytes (the PDF's own, for a PDF). */
  sha256: string;
  pdf: boolean;
  /** A report's line references as the reader finds them: places in the PDF, or unchanged. */
  places(report: string): string;
  /** One line's place ("page 9 table 1 row 3" in a PDF, "line 12" in a text). */
  place(line: number): string;
}

export async function disclosureSource(bytes: Uint8Array, name: string): Promise<DisclosureSource> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!isPdf(bytes))
    return {
      text: Buffer.from(bytes).toString('utf8'),
      sha256,
      pdf: false,
      places: (r) => r,
      place: (n) => `line ${n}`,
    };
  const { text } = await pdfToText(bytes, name);
  const locate = pdfLocator(text);
  return { text, sha256, pdf: true, places: (r) => withPdfPlaces(r, locate), place: locate };
}
