/**
 * Keeps this process's reference lists in step with the codes adopted in the log
 * (ReferenceCodesAdopted, src/domain/reference/adopt.ts): every such event at start-up, then each
 * new one as the event feed delivers it. Applying an event twice changes nothing.
 */
import {
  adoptReferenceCodes,
  referenceStreamId,
  referenceYears,
  type ReferenceCodesAdopted,
} from '../domain';
import type { EventStore } from '../events/event-store';
import type { RecordedEvent } from '../events/types';
import { asDomain } from './ledger-service';

/** Applies one event of the log if it adopts codes (for an event feed's handler). */
export function applyAdoptedCodes(event: RecordedEvent): void {
  if (event.type !== 'ReferenceCodesAdopted') return;
  const { data } = asDomain<ReferenceCodesAdopted>(event);
  if (referenceYears().includes(data.fiscalYear)) adoptReferenceCodes(data.fiscalYear, data.codes);
}

/** Every code adopted so far, for every year with reference data; returns how many events were read. */
export async function loadAdoptedCodes(store: EventStore): Promise<number> {
  const years = referenceYears();
  const streams = await store.readStreams(
    years.map(referenceStreamId),
    years.map(() => null),
  );
  let n = 0;
  for (const events of streams.values()) {
    for (const e of events) applyAdoptedCodes(e);
    n += events.length;
  }
  return n;
}
