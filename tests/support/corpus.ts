/**
 * The corpus of real published disclosures (data/corpus) as the tests read them: a document's
 * file, its tables as the reader reads them (from the PDF or from the pdfplumber text), its import
 * into a ledger as `import-disclosure` runs it, and the ledger's export of it in a layout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import type { LedgerService } from '../../src/app/ledger-service';
import type { ImportDisclosureReport } from '../../src/app/import-disclosure';
import type { RenderOptions } from '../../src/app/export';
import { importDisclosureFile } from '../../src/cli/import-disclosure';
import { exportDisclosure } from '../../src/cli/export';
import type { GenericTable } from '../../src/domain/disclosure/table';
import type { EventStore } from '../../src/events/event-store';
import { parseDisclosure, type ParsedDisclosure } from '../../src/interchange';
import { pdfToText } from '../../src/interchange/pdf';

export const CORPUS = path.join(__dirname, '../../data/corpus');

export type Source = 'pdf' | 'text';

/** The document's file in the corpus, as published (pdf) or as pdfplumber read it (text). */
export const corpusFile = (name: string, from: Source): string =>
  path.join(CORPUS, from, `${name}.${from === 'pdf' ? 'pdf' : 'txt'}`);

/** The document as the reader reads it, from its PDF or from its text. */
export async function publishedDocument(name: string, from: Source): Promise<ParsedDisclosure> {
  const text =
    from === 'text'
      ? fs.readFileSync(corpusFile(name, 'text'), 'utf8')
      : (await pdfToText(fs.readFileSync(corpusFile(name, 'pdf')))).text;
  return parseDisclosure(text);
}

/** `import-disclosure <file> --unit <unit> --year <year> --json`: its report. */
export async function importCorpus(
  service: LedgerService,
  store: EventStore,
  name: string,
  from: Source,
  unit: string,
  year: number,
): Promise<ImportDisclosureReport> {
  const { output } = await importDisclosureFile(service, store, corpusFile(name, from), {
    unit,
    year,
    json: true,
  });
  return JSON.parse(output) as ImportDisclosureReport;
}

/** The ledger's tables of the unit-year in a layout, as `export --format json` writes them. */
export async function exportedTables(
  pool: pg.Pool,
  service: LedgerService,
  opts: Pick<RenderOptions, 'unit' | 'year' | 'layout' | 'shanghaiStyle'>,
): Promise<GenericTable[]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-export-'));
  try {
    const [file] = await exportDisclosure(
      pool,
      { ...opts, format: 'json', out },
      service.references.current,
    );
    return (JSON.parse(fs.readFileSync(file!, 'utf8')) as { tables: GenericTable[] }).tables;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
