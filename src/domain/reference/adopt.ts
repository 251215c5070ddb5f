/**
 * Codes adopted from a document. A published disclosure may print functional 款 and 项 that the
 * year's reference data does not have (the lists here are gathered, not an official release):
 * their code and name are taken from the document's own code and name columns and recorded as an
 * event, with where they were seen, on the year's reference stream. From then on they are codes
 * of the year like any other (lines may use them, tables print their names), and the event says
 * where each came from. Pure: decide from the year's reference data as it stands.
 */
import { ruleError } from '../rules/errors';
import type { ReferenceIndex } from './lookup';
import type { CodeEntry, ReferenceData } from './types';

/**
 * Only 支出功能分类 款 and 项: every 类 is in the lists, and economic codes need a mapping no document
 * prints.
 */
export interface AdoptedCode {
  classification: 'functional';
  code: string;
  name: string;
  level: '款' | '项';
  /** Where the code and name were seen: document, line, table. */
  source: string;
}

export interface AdoptReferenceCodes {
  type: 'AdoptReferenceCodes';
  data: { fiscalYear: number; adoptedAt: string; codes: AdoptedCode[] };
}

export interface ReferenceCodesAdopted {
  type: 'ReferenceCodesAdopted';
  schemaVersion: 1;
  data: { fiscalYear: number; adoptedAt: string; codes: AdoptedCode[] };
}

/** `reference-2025`: the codes adopted for a fiscal year. */
export const referenceStreamId = (fiscalYear: number): string => `reference-${fiscalYear}`;

const LEVEL_OF: Record<number, '款' | '项'> = { 5: '款', 7: '项' };

/**
 * The codes of the command the year does not have yet, checked: 款 (5 digits) or 项 (7), a name,
 * the code one level up known or adopted with it. A code the year has under the same name is
 * skipped (re-adopting is a no-op); under another name it is refused — a document does not
 * rename the year's codes. No new code: no event.
 */
export function decideAdoption(
  command: AdoptReferenceCodes,
  reference: ReferenceIndex,
): ReferenceCodesAdopted[] {
  const { fiscalYear, adoptedAt, codes } = command.data;
  if (fiscalYear !== reference.fiscalYear)
    throw ruleError(
      'input.invalid',
      `codes for ${fiscalYear} cannot be adopted into ${reference.fiscalYear}'s lists`,
      { field: 'fiscalYear' },
    );
  const fresh: AdoptedCode[] = [];
  const batch = new Set<string>();
  for (const c of [...codes].sort(
    (a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1),
  )) {
    const details = { field: 'codes', code: c.code, fiscalYear };
    if (
      c.classification !== 'functional' ||
      !/^\d{5}$|^\d{7}$/.test(c.code) ||
      LEVEL_OF[c.code.length] !== c.level ||
      c.name.trim() === '' ||
      c.source.trim() === ''
    ) {
      throw ruleError(
        'code.adopt-invalid',
        `支出功能分类 ${c.code} (${c.level}, "${c.name}") is not a 款 or 项 with a name and a source`,
        details,
      );
    }
    const known = reference.entry('functional', c.code);
    if (known) {
      if (known.name !== c.name.trim())
        throw ruleError(
          'code.adopt-conflict',
          `支出功能分类 ${c.code} is ${known.name} in the ${fiscalYear} list, not ${c.name}`,
          { ...details, name: known.name },
        );
      continue;
    }
    const parent = c.code.slice(0, c.code.length - 2);
    if (!reference.entry('functional', parent) && !batch.has(parent))
      throw ruleError(
        'code.adopt-invalid',
        `支出功能分类 ${c.code} ${c.name}: its ${c.level === '项' ? '款' : '类'} ${parent} is neither in the ${fiscalYear} list nor adopted with it`,
        details,
      );
    if (batch.has(c.code)) continue;
    batch.add(c.code);
    fresh.push({
      classification: 'functional',
      code: c.code,
      name: c.name.trim(),
      level: c.level,
      source: c.source,
    });
  }
  return fresh.length === 0
    ? []
    : [
        {
          type: 'ReferenceCodesAdopted',
          schemaVersion: 1,
          data: { fiscalYear, adoptedAt, codes: fresh },
        },
      ];
}

/**
 * The year's data with the adopted codes in its functional list, each after its siblings (the
 * tables print 款 and 项 in code order; the 类 keep their printed order). Codes already there are
 * left as they are.
 */
export function withAdoptedCodes(
  data: ReferenceData,
  codes: readonly AdoptedCode[],
): ReferenceData {
  const have = new Set(data.functional.entries.map((e) => e.code));
  const add: CodeEntry[] = codes
    .filter((c) => !have.has(c.code))
    .map((c) => ({
      code: c.code,
      name: c.name,
      level: c.level,
      source: `ADOPTED from ${c.source}`,
    }));
  if (add.length === 0) return data;
  const entries = [...data.functional.entries];
  for (const e of add) {
    // After the last entry whose code sorts at or before it under the same 类 (its place in code
    // order).
    const cls = e.code.slice(0, 3);
    let at = -1;
    entries.forEach((x, i) => {
      if (x.code.startsWith(cls) && x.code <= e.code) at = i;
    });
    entries.splice(at + 1, 0, e);
  }
  return { ...data, functional: { ...data.functional, entries } };
}
