/**
 * Synthetic line-item files for tests and the import benchmark: distinct, valid lines built from
 * the seed's real lines (data/seed/fenyang-2024/lines.json) as templates. Each template keeps its
 * kind, economic codes and project (so the economic mapping of its unit kind holds); the
 * functional 项 and the fund source vary over every value of the year, which gives
 * templates × 项 × fund sources distinct line keys per unit. Pure.
 */
import seedLines from '../data/seed/fenyang-2024/lines.json';
import { REVENUE_SOURCES, type ReferenceIndex } from '../src/domain';
import { LINE_COLUMNS } from '../src/import/template';

export type TemplateUnit = '019001' | '019002';

export interface SyntheticRow {
  unit_code: string;
  fiscal_year: string;
  fund_source: string;
  functional_code: string;
  kind: string;
  dept_econ_code: string;
  gov_econ_code: string;
  project_code: string;
  origin: string;
  amount: string;
}

/** `count` distinct allocation rows for `unitCode`, modelled on the seed unit `template`. */
export function syntheticRows(
  unitCode: string,
  template: TemplateUnit,
  count: number,
  reference: ReferenceIndex,
  seed = 0,
): SyntheticRow[] {
  const templates = seedLines.lines.filter((l) => l.unitCode === template);
  const functional = reference.data.functional.entries
    .filter((e) => e.level === '项')
    .map((e) => e.code);
  const rows: SyntheticRow[] = [];
  for (const fundSource of REVENUE_SOURCES) {
    for (const code of functional) {
      for (const t of templates) {
        if (rows.length === count) return rows;
        const i = rows.length + seed;
        rows.push({
          unit_code: unitCode,
          fiscal_year: String(t.fiscalYear),
          fund_source: fundSource,
          functional_code: code,
          kind: t.kind,
          dept_econ_code: t.deptEconCode,
          gov_econ_code: t.govEconCode,
          project_code: t.projectCode ?? '',
          origin: 'current',
          amount: `${1000 + (i % 997) * 13}.${String(i % 100).padStart(2, '0')}`,
        });
      }
    }
  }
  if (rows.length < count)
    throw new Error(`only ${rows.length} distinct lines can be made from ${template}`);
  return rows;
}

/** The maximum number of distinct rows syntheticRows can make for a template unit. */
export function syntheticCapacity(template: TemplateUnit, reference: ReferenceIndex): number {
  const templates = seedLines.lines.filter((l) => l.unitCode === template).length;
  return (
    templates *
    REVENUE_SOURCES.length *
    reference.data.functional.entries.filter((e) => e.level === '项').length
  );
}

/** The project codes a template unit's lines use (register them on a synthetic unit first). */
export function templateProjects(template: TemplateUnit): string[] {
  return [
    ...new Set(
      seedLines.lines
        .filter((l) => l.unitCode === template && l.projectCode)
        .map((l) => l.projectCode!),
    ),
  ];
}

const COLUMNS = [...LINE_COLUMNS, 'amount'] as const;

/** CSV text (header + rows) in the template's column order; no cell needs quoting. */
export function toCsv(rows: readonly SyntheticRow[]): string {
  return (
    [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => r[c]).join(','))].join('\n') + '\n'
  );
}

/** The rows as a grid (header first), for writing a spreadsheet. */
export function toGrid(rows: readonly SyntheticRow[]): string[][] {
  return [[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => r[c]))];
}
