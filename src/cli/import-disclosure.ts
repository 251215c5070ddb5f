/**
 * `import-disclosure <file> --unit <department> --year <year> [--dry-run]`: reads the file (a PDF
 * or its extracted text) and reports; the import itself is src/app/import-disclosure.ts (shared
 * with the GraphQL mutation).
 * Exit status 0 when imported (or valid, with --dry-run), 1 when the file is refused (its figures
 * not fitted within the work budget included).
 */
import path from 'node:path';
import { importDisclosure, type ImportDisclosureReport } from '../app/import-disclosure';
import { FiguresNotFitted } from '../import/disclosure/repair';
import type { LedgerService } from '../app/ledger-service';
import type { EventStore } from '../events/event-store';
import { readDisclosureFile } from './disclosure-file';

export function reportText(file: string, r: ImportDisclosureReport, dryRunFlag = false): string {
  const out: string[] = [];
  if (!r.ok) {
    out.push(
      `${file}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}; nothing applied (sha256 ${r.sha256})`,
    );
    for (const p of r.problems) out.push(`line ${p.line}: ${p.message}`);
    return `${out.join('\n')}\n`;
  }
  const plan = r.plan!;
  const applied = r.steps.filter((s) => s.status === 'applied').length;
  const skipped = r.steps.filter((s) => s.status === 'already-imported').length;
  out.push(
    `${file}: ${dryRunFlag ? 'valid (dry run, nothing applied)' : 'imported'}: ${r.steps.length} commands (${applied} applied, ${skipped} already imported); sha256 ${r.sha256}`,
  );
  out.push(
    `figures: ${plan.figures.compared} printed amount cells compared, ${plan.figures.unreproduced.length} not reproduced by the planned lines`,
  );
  for (const s of r.steps) out.push(`  ${s.status.padEnd(16)} ${s.summary}`);
  out.push('notes:');
  for (const n of plan.notes) out.push(`  ${n}`);
  return `${out.join('\n')}\n`;
}

export interface ImportDisclosureCliOptions {
  unit: string;
  year: number;
  dryRun?: boolean;
  actor?: string;
  date?: string;
  json?: boolean;
}

export async function importDisclosureFile(
  service: LedgerService,
  store: EventStore,
  file: string,
  opts: ImportDisclosureCliOptions,
): Promise<{ output: string; exitCode: 0 | 1 }> {
  const { text, sha256, pdf, places } = await readDisclosureFile(file);
  let report: ImportDisclosureReport;
  try {
    report = await importDisclosure(service, store, {
      fileName: path.basename(file),
      text,
      ...(pdf ? { sha256 } : {}),
      departmentCode: opts.unit,
      fiscalYear: opts.year,
      dryRun: opts.dryRun,
      actor: opts.actor,
      date: opts.date,
    });
  } catch (err) {
    if (!(err instanceof FiguresNotFitted)) throw err;
    const error = { code: err.code, message: err.message, details: err.details };
    const output = opts.json
      ? `${JSON.stringify({ ok: false, error }, null, 2)}\n`
      : `${file}: refused, nothing applied: ${err.code}: ${err.message}\n`;
    return { output, exitCode: 1 };
  }
  const output = opts.json
    ? `${JSON.stringify(report, null, 2)}\n`
    : places(reportText(file, report, opts.dryRun));
  return { output, exitCode: report.ok ? 0 : 1 };
}
