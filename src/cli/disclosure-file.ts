/**
 * A published disclosure file as the disclosure commands read it (src/app/disclosure-source.ts:
 * a PDF read in this process, any other file its text). The one place check-disclosure and
 * import-disclosure read files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { disclosureSource, type DisclosureSource } from '../app/disclosure-source';

export type DisclosureFile = DisclosureSource;

export async function readDisclosureFile(file: string): Promise<DisclosureFile> {
  return disclosureSource(fs.readFileSync(file), path.basename(file));
}
