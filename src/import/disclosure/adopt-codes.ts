/**
 * Functional codes a document prints that the year's reference data does not have: taken from
 * the document's own code and name columns, each with the line and table it was first seen on,
 * for an AdoptReferenceCodes step ahead of the plan's other steps (src/domain/reference/adopt.ts).
 * Only 款 and 项 of functional tables are taken; a 类 the lists do not have is left for the
 * planner to refuse (every 类 is in the lists). Pure.
 */
import type { AdoptedCode, ReferenceIndex } from '../../domain';
import type { ParsedDisclosure } from '../../interchange';

/** Tables whose rows are functional 类/款/项 (both layouts' ids). */
const FUNCTIONAL_TABLES = new Set([
  ...['t02', 't03', 't05', 't07', 't08', 't09', 'sh02', 'sh07'],
  ...['js05', 'js07', 'js10'],
]);

export function codesToAdopt(
  parsed: ParsedDisclosure,
  reference: ReferenceIndex,
  document: string,
): AdoptedCode[] {
  const found = new Map<string, AdoptedCode>();
  for (const t of parsed.tables) {
    if (!FUNCTIONAL_TABLES.has(t.id)) continue;
    // Jiangsu tables print the name in their one text column (item).
    const nameAt = t.keys.includes('name') ? t.keys.indexOf('name') : t.keys.indexOf('item');
    t.rows.forEach((r, i) => {
      const code = r.code;
      if (
        r.role !== 'class' ||
        !code ||
        (code.length !== 5 && code.length !== 7) ||
        reference.entry('functional', code) ||
        found.has(code)
      )
        return;
      const name = nameAt < 0 ? '' : String(r.cells[nameAt] ?? '').trim();
      if (name === '') return;
      found.set(code, {
        classification: 'functional',
        code,
        name,
        level: code.length === 5 ? '款' : '项',
        source: `${document} line ${t.rowLines[i]} (${t.title})`,
      });
    });
  }
  return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}
