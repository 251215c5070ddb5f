/**
 * import-disclosure from a PDF, through the CLI's file reading (importDisclosureFile): the
 * Shanghai sample typeset into a PDF (bench/text-pdf.ts: its text lines and every table a ruled
 * grid) imports as its text does — the same commands — with the PDF's own SHA-256 as the
 * events' source; importing the PDF again appends nothing.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService } from '../../src/app/ledger-service';
import type { ImportDisclosureReport } from '../../src/app/import-disclosure';
import { importDisclosureFile } from '../../src/cli/import-disclosure';
import { textToPdf } from '../../bench/text-pdf';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();
const sample = path.join(
  __dirname,
  '../../data/samples/shanghai-finance-bureau-2025-unit-budget.txt',
);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-pdf-'));
const pdf = path.join(dir, 'sample.pdf');

const run = async (file: string, unit: string): Promise<ImportDisclosureReport> => {
  const service = new LedgerService(ledger.store);
  const { output } = await importDisclosureFile(service, ledger.store, file, {
    unit,
    year: 2025,
    json: true,
  });
  return JSON.parse(output) as ImportDisclosureReport;
};

test('the sample as a PDF imports as its text does, sourced by the PDF, once', async () => {
  await textToPdf(fs.readFileSync(sample, 'utf8'), pdf);
  const fromPdf = await run(pdf, '330');
  expect(fromPdf.problems).toEqual([]);
  expect(fromPdf.ok).toBe(true);
  expect(fromPdf.sha256).toBe(createHash('sha256').update(fs.readFileSync(pdf)).digest('hex'));
  expect(fromPdf.steps.every((s) => s.status === 'applied')).toBe(true);

  const fromText = await run(sample, '331');
  expect(fromText.ok).toBe(true);
  const summaries = (r: ImportDisclosureReport) =>
    r.steps.map((s) => s.summary.replace(/33[01]/g, 'D'));
  expect(summaries(fromPdf)).toEqual(summaries(fromText));
  expect(fromPdf.plan!.figures).toEqual(fromText.plan!.figures);

  const events = await ledger.db.appPool.query<{ document_ref: string }>(
    `SELECT DISTINCT metadata->>'documentRef' AS document_ref FROM events
      WHERE metadata->>'correlationId' = $1`,
    [`import-disclosure:${fromPdf.sha256}`],
  );
  expect(events.rows).toEqual([{ document_ref: `sample.pdf sha256:${fromPdf.sha256}` }]);

  const again = await run(pdf, '330');
  expect(again.ok).toBe(true);
  expect(again.steps.every((s) => s.status === 'already-imported')).toBe(true);
}, 120_000);
