/**
 * `import-lines <file> --unit <code> --year <year> --kind allocation|adjustments`: reads the file
 * and hands it to src/import (docs/import.md). Exit status 0 when imported (or valid, with
 * --dry-run), 1 when any line is refused (every error is printed, nothing is applied).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LedgerService } from '../app/ledger-service';
import type { EventStore } from '../events/event-store';
import { importLines, reportText, type FileFormat } from '../import/import-lines';
import type { ImportKind } from '../import/template';
import { ImportWorkers } from '../import/workers';

/** The values of --kind. */
export const IMPORT_KINDS: readonly ImportKind[] = ['allocation', 'adjustments'];

export interface ImportLinesCliOptions {
  unit: string;
  year: number;
  kind: ImportKind;
  dryRun?: boolean;
  allocationId?: string;
  document?: string;
  date?: string;
  actor?: string;
  format?: FileFormat;
  json?: boolean;
}

/**
 * From this size on, the file's units are checked and decided on worker threads (one per core):
 * starting them and loading the domain in each costs ~0.1–0.2 s, which a file of ~30,000 lines
 * and more wins back (BENCHMARKS.md, "line-item import").
 */
export const WORKERS_FROM_BYTES = 2 * 1024 * 1024;

export async function importLinesFile(
  service: LedgerService,
  store: EventStore,
  file: string,
  opts: ImportLinesCliOptions,
): Promise<{ output: string; exitCode: 0 | 1 }> {
  const bytes = fs.readFileSync(file);
  const workers = bytes.length >= WORKERS_FROM_BYTES ? new ImportWorkers() : undefined;
  const report = await importLines(service, store, {
    workers,
    fileName: path.basename(file),
    bytes,
    format: opts.format,
    unitCode: opts.unit,
    fiscalYear: opts.year,
    kind: opts.kind,
    dryRun: opts.dryRun,
    allocationId: opts.allocationId,
    documentNumber: opts.document ?? null,
    date: opts.date,
    actor: opts.actor ?? `officer:${opts.unit}-import`,
  }).finally(() => workers?.close());
  const output = opts.json
    ? `${JSON.stringify(report, null, 2)}\n`
    : reportText(file, report, opts.dryRun);
  return { output, exitCode: report.ok ? 0 : 1 };
}
