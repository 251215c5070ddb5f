/**
 * The consistency report of a published document as text: a summary line, what was not
 * understood (with line numbers), then each finding — rule id, kind, published and computed
 * figures, difference, and the cells compared with the lines they were printed on.
 */
import type { CellRef, ConsistencyReport, Finding } from '../domain/disclosure';
import { normaliseName } from './amounts';
import type { ParsedDisclosure } from './types';

/** The line a compared cell was printed on, when the parser knows it. */
function lineOf(d: ParsedDisclosure, ref: CellRef): number | null {
  if (ref.table === 'narrative') return d.narrative[ref.row]?.line ?? null;
  if (ref.table === 'form')
    return d.projectForms.find((f) => normaliseName(f.name) === ref.row)?.line ?? null;
  if (ref.table === 'procurement') return d.procurement?.line ?? null;
  const t = d.tables.find((x) => x.id === ref.table);
  if (!t) return null;
  const i = t.rows.findIndex(
    (r) => (r.key ?? r.code ?? String(r.cells.find((c) => c !== null) ?? '')) === ref.row,
  );
  return i < 0 ? null : (t.rowLines[i] ?? null);
}

const cellText = (d: ParsedDisclosure, ref: CellRef): string => {
  const line = lineOf(d, ref);
  return `${ref.table}[${ref.row}].${ref.column}${line === null ? '' : ` (line ${line})`}`;
};

export function findingText(d: ParsedDisclosure, f: Finding): string {
  const head = `${f.kind === 'inconsistency' ? 'INCONSISTENCY' : 'rounding     '} ${f.ruleId}: published ${f.published}, computed ${f.computed}, difference ${f.difference} (${f.roundedTerms} rounded terms)`;
  const cells = f.cells.slice(0, 4).map((c) => cellText(d, c));
  const more = f.cells.length > 4 ? ` … and ${f.cells.length - 4} more` : '';
  return `${head}\n    ${cells.join(' vs ')}${more}`;
}

export function reportText(
  file: string,
  d: ParsedDisclosure,
  report: ConsistencyReport & { skipped?: { ruleId: string; reason: string; line: number }[] },
): string {
  const out: string[] = [];
  const forms = d.projectForms.length;
  out.push(
    `${file}: layout ${d.layout}, ${d.unitName ?? 'unit not printed'}, ${d.fiscalYear ?? 'year not found'}; ${d.tables.length} tables (${d.tables.map((t) => t.id).join(' ')}), ${Object.keys(d.narrative).length} explanation figures, ${forms} project forms`,
  );
  if (d.issues.length > 0) {
    out.push(`not understood (${d.issues.length}):`);
    for (const i of d.issues) out.push(`  line ${i.line}: ${i.severity}: ${i.message}`);
  }
  const skipped = report.skipped ?? [];
  if (skipped.length > 0) {
    out.push(`rules skipped, a figure they need not read (${skipped.length}):`);
    for (const s of skipped) out.push(`  line ${s.line}: ${s.ruleId}: ${s.reason}`);
  }
  out.push(
    `findings: ${report.inconsistencies} inconsistencies, ${report.rounding} rounding differences (尾差)`,
  );
  const ordered = [...report.findings].sort((a, b) =>
    a.kind === b.kind ? 0 : a.kind === 'inconsistency' ? -1 : 1,
  );
  for (const f of ordered) out.push(findingText(d, f));
  return `${out.join('\n')}\n`;
}
