/**
 * The owner of a ledger's reference lists: the shipped data with the codes adopted in the log
 * (ReferenceCodesAdopted, src/domain/reference/adopt.ts), every such event at start-up, then each
 * new one as the event feed delivers it or as this process appends it. The lists themselves are
 * an immutable value (ReferenceLists): this object only holds the current one, and hands it to
 * decide, to the import's unit tasks and to the read side. Applying an event twice changes nothing.
 */
import {
  ReferenceLists,
  referenceStreamId,
  type AdoptedCode,
  type ReferenceCodesAdopted,
  type ReferenceIndex,
} from '../domain';
import type { EventStore } from '../events/event-store';
import type { RecordedEvent } from '../events/types';
import { asDomain } from './ledger-service';

export class LedgerReferences {
  constructor(private lists: ReferenceLists = ReferenceLists.shipped()) {}

  /** The lists as they stand now: a value to pass on (later adoptions make a new one). */
  get current(): ReferenceLists {
    return this.lists;
  }

  /** The year's current lists, indexed; reference.year-unknown for a year without any. */
  index(fiscalYear: number): ReferenceIndex {
    return this.lists.index(fiscalYear);
  }

  /**
   * Codes of a year with reference data adopted from now on (codes already there change nothing).
   */
  adopt(fiscalYear: number, codes: readonly AdoptedCode[]): void {
    if (this.lists.has(fiscalYear)) this.lists = this.lists.withAdoptedCodes(fiscalYear, codes);
  }

  /** Applies one event of the log if it adopts codes (an event feed's handler). */
  readonly apply = (event: RecordedEvent): void => {
    if (event.type !== 'ReferenceCodesAdopted') return;
    const { data } = asDomain<ReferenceCodesAdopted>(event);
    this.adopt(data.fiscalYear, data.codes);
  };

  /** Every code adopted so far, for every year with reference data; how many events were read. */
  async load(store: EventStore): Promise<number> {
    const years = this.lists.years();
    const streams = await store.readStreams(
      years.map(referenceStreamId),
      years.map(() => null),
    );
    let n = 0;
    for (const events of streams.values()) {
      for (const e of events) this.apply(e);
      n += events.length;
    }
    return n;
  }
}
