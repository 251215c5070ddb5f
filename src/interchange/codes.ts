/**
 * Names → codes for tables that print names only (the seed's table 6 prints economic names, tables
 * 1 and 4 print 类 names). The document's own coded rows come first; the year's reference data
 * shipped with the build (or of the nearest year shipped, since names of codes rarely change) fills
 * the rest, by the names in force and then by the year's former names (renames.json): the codes a
 * ledger adopts are functional 款 and 项, which these tables do not name.
 */
import { shippedReference, shippedYears } from '../domain';
import type { ReferenceIndex } from '../domain/reference/lookup';
import { normaliseName } from './amounts';

export interface CodeBook {
  functionalClass(name: string): string | null;
  economicClass(name: string): string | null;
  economicItem(groupCode: string | null, name: string): string | null;
  reference: ReferenceIndex | null;
}

/** The shipped reference data of the year, else of the nearest year shipped; null when none is. */
export function referenceNear(year: number | null): ReferenceIndex | null {
  const years = shippedYears();
  if (years.length === 0) return null;
  const target = year ?? years[years.length - 1]!;
  const best = [...years].sort((a, b) => Math.abs(a - target) - Math.abs(b - target))[0]!;
  return shippedReference(best);
}

/** Strips an ordinal (一、 1、 (一)) in front of a printed item. */
export const withoutOrdinal = (label: string): string =>
  label
    .replace(
      /^\s*([一二三四五六七八九十]+、|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）])\s*/,
      '',
    )
    .trim();

export function codeBook(year: number | null, documentCodes: Map<string, string>): CodeBook {
  const reference = referenceNear(year);
  const find = (
    list: 'functional' | 'departmentEconomic',
    name: string,
    accept: (code: string) => boolean,
  ): string | null =>
    reference?.codeNamed(list, name, accept, (a, b) => normaliseName(a) === normaliseName(b)) ??
    null;
  return {
    reference,
    functionalClass: (name) => {
      const n = normaliseName(withoutOrdinal(name));
      const own = [...documentCodes.entries()].find(
        ([code, nm]) => code.length === 3 && normaliseName(nm) === n,
      )?.[0];
      return own ?? find('functional', n, (c) => c.length === 3);
    },
    economicClass: (name) => find('departmentEconomic', name, (c) => c.length === 3),
    economicItem: (group, name) =>
      find(
        'departmentEconomic',
        name,
        (c) => c.length === 5 && (group === null || c.startsWith(group)),
      ),
  };
}
