/** The event store's vocabulary. Positions and versions are bigint: they are counters that must
 * never be rounded, and they cross JSON as strings. */

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who did it, why, on which document, and how this event relates to the request that caused it. */
export interface EventMetadata {
  [key: string]: JsonValue | undefined;
  actor?: string;
  person?: string;
  reason?: string;
  documentRef?: string;
  correlationId?: string;
  causationId?: string;
}

export interface NewEvent {
  /**
   * Client-chosen id: re-sending an event with the same id is a no-op that returns the original.
   */
  eventId?: string;
  type: string;
  schemaVersion?: number;
  data: JsonObject;
  metadata?: EventMetadata;
  /** Business date (YYYY-MM-DD) from which the fact is in force; null for facts without one. */
  effectiveDate?: string | null;
}

/**
 * A NewEvent whose data and metadata are already their canonical JSON text (canonicalJsonText):
 * made where the event was decided, off the main thread (import workers), so that the thread that
 * appends only sends it.
 */
export interface EncodedEvent {
  eventId?: string;
  type: string;
  schemaVersion?: number;
  dataText: string;
  metadataText: string;
  effectiveDate?: string | null;
}

/** The events of one stream for one append, and what the writer expects of the stream. */
export interface AppendBatch {
  streamId: string;
  events: readonly (NewEvent | EncodedEvent)[];
  expected?: ExpectedVersion;
}

export interface RecordedEvent {
  globalPosition: bigint;
  transactionId: bigint;
  streamId: string;
  streamVersion: bigint;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  recordedAt: Date;
  effectiveDate: string | null;
  prevHash: string;
  hash: string;
}

/** What the writer believes about the stream before appending. */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (the last appended event's version). */
  nextExpectedVersion: bigint;
  events: {
    eventId: string;
    globalPosition: bigint;
    streamVersion: bigint;
    recordedAt: Date;
    hash: string;
  }[];
  /** True when every event was already recorded by an earlier identical append. */
  alreadyRecorded: boolean;
}
