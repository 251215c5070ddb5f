/**
 * The reference lists of every fiscal year a ledger knows: the shipped data (registry.ts) with the
 * codes adopted from documents (adopt.ts) in it. An immutable value: adopting codes makes a new
 * one. Whoever owns a ledger's current lists (src/app/reference-codes.ts) passes them to decide,
 * to the import's unit tasks and to the read side, so that every decision on one ledger is taken
 * against the same codes. A year's lists are the shipped data and the codes adopted into it, in
 * order (`adoptedCodes`): that is all a worker thread needs to be sent to make the same lists
 * (`ReferenceLists.shipped([year]).withAdoptedCodes(year, codes)`). Each year is indexed once, when
 * the value is made.
 */
import { withAdoptedCodes, type AdoptedCode } from './adopt';
import { ReferenceIndex } from './lookup';
import { shippedReferenceData, shippedYears, yearUnknown } from './registry';
import type { ReferenceData } from './types';

interface YearLists {
  index: ReferenceIndex;
  /** The codes added to the shipped data, in the order they were adopted. */
  adopted: readonly AdoptedCode[];
}

export class ReferenceLists {
  private constructor(private readonly byYear: ReadonlyMap<number, YearLists>) {}

  /** The shipped data of these years (default: every year shipped), with no adopted codes. */
  static shipped(years: readonly number[] = shippedYears()): ReferenceLists {
    return new ReferenceLists(
      new Map(
        years.map((y) => [y, { index: new ReferenceIndex(shippedReferenceData(y)), adopted: [] }]),
      ),
    );
  }

  /** Lists made of these years' data as given (a specification's variant of a year's lists). */
  static of(data: readonly ReferenceData[]): ReferenceLists {
    return new ReferenceLists(
      new Map(data.map((d) => [d.fiscalYear, { index: new ReferenceIndex(d), adopted: [] }])),
    );
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
    return this.year(fiscalYear).index;
  }

  /** The codes adopted into the year's shipped data, in the order they were adopted. */
  adoptedCodes(fiscalYear: number): readonly AdoptedCode[] {
    return this.year(fiscalYear).adopted;
  }

  /** These lists with `codes` adopted into the year's (this value itself when none is new). */
  withAdoptedCodes(fiscalYear: number, codes: readonly AdoptedCode[]): ReferenceLists {
    const { index, adopted } = this.year(fiscalYear);
    const next = withAdoptedCodes(index.data, codes);
    if (next === index.data) return this;
    const added = new Set(next.functional.entries.map((e) => e.code));
    for (const e of index.data.functional.entries) added.delete(e.code);
    const fresh = codes.filter((c) => added.delete(c.code));
    return new ReferenceLists(
      new Map([
        ...this.byYear,
        [fiscalYear, { index: new ReferenceIndex(next), adopted: [...adopted, ...fresh] }],
      ]),
    );
  }

  private year(fiscalYear: number): YearLists {
    const lists = this.byYear.get(fiscalYear);
    if (!lists) throw yearUnknown(fiscalYear);
    return lists;
  }
}
