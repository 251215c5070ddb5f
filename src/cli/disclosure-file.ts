/**
 * A published disclosure file as the disclosure commands read it (src/app/disclosure-source.ts:
 * a PDF read in this process, any other file its text). The one place check-disclosure and
 * import-disclosure read files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { disclosureSource, type DisclosureSource } from '../app/disclosure-source';
import { BadInputError } from '../domain/errors';
import { isPdf } from '../interchange/pdf';

export type DisclosureFile = DisclosureSource;

export async function readDisclosureFile(file: string): Promise<DisclosureFile> {
  const bytes = fs.readFileSync(file);
  // A file named .pdf that is not one is a mistake to say, not text to read (the GraphQL import
  // refuses the same: not-a-pdf).
  if (/\.pdf$/i.test(file) && !isPdf(bytes))
    throw new BadInputError(`${file} is not a PDF (no %PDF- header)`, { field: 'file' });
  return disclosureSource(bytes, path.basename(file));
}
