/**
 * The reference lists of every fiscal year a ledger knows: the shipped data (registry.ts) with the
 * codes adopted from documents (adopt.ts) in it. An immutable value: adopting codes makes a new
 * one. Whoever owns a ledger's current lists (src/app/reference-codes.ts) passes them to decide,
 * to the import's unit tasks (worker threads included) and to the read side, so that every
 * decision on one ledger is taken against the same codes. Each year is indexed once, when the
 * value is made.
 */
import { withAdoptedCodes, type AdoptedCode } from './adopt';
import { ReferenceIndex } from './lookup';
import { shippedReferenceData, shippedYears, yearUnknown } from './registry';
import type { ReferenceData } from './types';

export class ReferenceLists {
  private constructor(private readonly byYear: ReadonlyMap<number, ReferenceIndex>) {}

  /** Lists of these years' data (one entry per year). */
  static of(data: readonly ReferenceData[]): ReferenceLists {
    return new ReferenceLists(new Map(data.map((d) => [d.fiscalYear, new ReferenceIndex(d)])));
  }

  /** The shipped data of every year, with no adopted codes: a ledger's lists before its log. */
  static shipped(): ReferenceLists {
    return ReferenceLists.of(shippedYears().map(shippedReferenceData));
  }

  /** The fiscal years with lists, ascending. */
  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  has(fiscalYear: number): boolean {
    return this.byYear.has(fiscalYear);
  }

  /** The year's lists, indexed; reference.year-unknown for a year without any. */
  index(fiscalYear: number): ReferenceIndex {
    const index = this.byYear.get(fiscalYear);
    if (!index) throw yearUnknown(fiscalYear);
    return index;
  }

  /** These lists with `codes` adopted into the year's (this value itself when none is new). */
  withAdoptedCodes(fiscalYear: number, codes: readonly AdoptedCode[]): ReferenceLists {
    const data = this.index(fiscalYear).data;
    const next = withAdoptedCodes(data, codes);
    if (next === data) return this;
    return new ReferenceLists(new Map([...this.byYear, [fiscalYear, new ReferenceIndex(next)]]));
  }
}
