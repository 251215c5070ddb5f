/**
 * Cell-by-cell comparison of a built table with the transcription of the published one: every
 * printed figure, empty cells included, counted and listed when different.
 */
import type { DisclosureTable, TableRow } from '../../../src/domain/disclosure';

export interface Tally {
  compared: number;
  mismatches: string[];
}

export const tally = (): Tally => ({ compared: 0, mismatches: [] });

export function same(t: Tally, where: string, expected: unknown, actual: unknown): void {
  t.compared += 1;
  if (expected !== actual)
    t.mismatches.push(
      `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    );
}

/** Compares the listed fields of an expected row with the same keys of a built row. */
export function sameRow(
  t: Tally,
  where: string,
  expected: Record<string, unknown>,
  actual: TableRow | undefined,
  keys: readonly string[],
): void {
  if (!actual) {
    t.mismatches.push(`${where}: row missing`);
    return;
  }
  for (const k of keys) same(t, `${where}.${k}`, expected[k] ?? null, actual.cells[k] ?? null);
}

/** Rows of a table by role, in published order. */
export const rowsOf = (table: DisclosureTable, ...roles: TableRow['role'][]): TableRow[] =>
  table.rows.filter((r) => roles.includes(r.role));

/** Same rows in the same order, then every field. */
export function sameRows(
  t: Tally,
  where: string,
  expected: readonly Record<string, unknown>[],
  actual: readonly TableRow[],
  keys: readonly string[],
): void {
  same(t, `${where} row count`, expected.length, actual.length);
  expected.forEach((row, i) => sameRow(t, `${where}[${i}]`, row, actual[i], keys));
}

/** Explanation text as printed vs generated: the seed mixes half- and full-width punctuation and
 * prints thousands separators in some sections only, so both are normalised before comparing. */
export function normaliseText(text: string): string {
  const widths: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）' };
  return text.replace(/(\d),(?=\d{3})/g, '$1').replace(/[,:;()]/g, (c) => widths[c]!);
}
