import type { EventMetadata, JsonObject, RecordedEvent } from './types';

/** The columns every event read selects (aliased `e`), and their conversion to RecordedEvent. */
export const EVENT_COLUMNS = `e.global_position, e.transaction_id::text AS transaction_id, e.stream_id,
  e.stream_version, e.event_id, e.type, e.schema_version, e.data, e.metadata, e.recorded_at,
  to_char(e.effective_date, 'YYYY-MM-DD') AS effective_date, e.prev_hash, e.hash`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: JsonObject;
  metadata: EventMetadata;
  recorded_at: Date;
  effective_date: string | null;
  prev_hash: Buffer;
  hash: Buffer;
}

export function toRecordedEvent(r: EventRow): RecordedEvent {
  return {
    globalPosition: BigInt(r.global_position),
    transactionId: BigInt(r.transaction_id),
    streamId: r.stream_id,
    streamVersion: BigInt(r.stream_version),
    eventId: r.event_id,
    type: r.type,
    schemaVersion: r.schema_version,
    data: r.data,
    metadata: r.metadata,
    recordedAt: r.recorded_at,
    effectiveDate: r.effective_date,
    prevHash: r.prev_hash.toString('hex'),
    hash: r.hash.toString('hex'),
  };
}
