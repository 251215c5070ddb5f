/**
 * Pure renderers: CSV files (one per table) and one JSON document. The CLI writes them to disk.
 * CSV is UTF-8, RFC 4180 (csv-stringify): CRLF line ends, fields quoted when they hold a comma,
 * quote, CR or LF.
 */
import { stringify } from 'csv-stringify/sync';
import type { Disclosure } from './build';
import type { ConsistencyReport } from './check';
import { TABLE_IDS, toGeneric, type GenericTable } from './table';

/** One CSV record (no line end); an empty cell (null) is an empty field. */
export const csvRecord = (fields: readonly (string | null)[]): string =>
  stringify([fields.map((f) => f ?? '')], { record_delimiter: '' });

/** One RFC 4180 field: quoted (with doubled quotes) only when it must be. */
export const csvField = (value: string | null): string => csvRecord([value]);

/** Header: the published leaf column titles; then the rows in published order. */
export function tableCsv(table: GenericTable, titles: readonly string[]): string {
  return stringify([titles, ...table.rows.map((r) => r.cells.map((c) => c ?? ''))], {
    record_delimiter: '\r\n',
  });
}

/**
 * { 't01.csv': …, … 't13.csv': … }; amounts as the disclosure holds them (万元, 2 decimals, when
 * built so).
 */
export function renderCsv(disclosure: Disclosure): Record<string, string> {
  const files: Record<string, string> = {};
  for (const id of TABLE_IDS) {
    const table = disclosure.tables[id];
    files[`${id}.csv`] = tableCsv(
      toGeneric(table),
      table.columns.map((c) => c.title),
    );
  }
  return files;
}

export interface DisclosureJson {
  fiscalYear: number;
  department: { code: string; name: string };
  moneyUnit: string;
  tables: (GenericTable & { label: string | null; unitName: string })[];
  explanation: Disclosure['explanation'];
  performanceForms: Disclosure['performanceForms'];
  agencyOperatingRule: Disclosure['agencyOperatingRule'];
  consistency: ConsistencyReport;
}

/** One object with the tables (generic form), explanation, performance forms and the report. */
export function renderJson(disclosure: Disclosure, report: ConsistencyReport): DisclosureJson {
  return {
    fiscalYear: disclosure.fiscalYear,
    department: disclosure.department,
    moneyUnit: disclosure.moneyUnit === 'wan-yuan' ? '万元' : '元',
    tables: TABLE_IDS.map((id) => ({
      ...toGeneric(disclosure.tables[id]),
      label: disclosure.tables[id].label,
      unitName: disclosure.tables[id].unitName,
    })),
    explanation: disclosure.explanation,
    performanceForms: disclosure.performanceForms,
    agencyOperatingRule: disclosure.agencyOperatingRule,
    consistency: report,
  };
}
