import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { JsonObject, RecordedEvent } from '../../events/types';
import { upcast } from '../../domain';
import { PositionScalar } from '../scalars';
import { LedgerEventMetadata } from './ledger-event-metadata.type';

@ObjectType('LedgerEvent', {
  description: 'One immutable, hash-chained event of the log, as stored.',
})
export class LedgerEvent {
  @Field(() => PositionScalar, {
    description:
      'Global position: the cursor of the log. The log is ordered by (transactionId, position).',
  })
  position!: bigint;
  @Field(() => PositionScalar, {
    nullable: true,
    description:
      'The PostgreSQL transaction (xid8) that wrote the event: the first half of the log order key.',
  })
  transactionId!: bigint | null;
  @Field() streamId!: string;
  @Field(() => PositionScalar, { description: 'Version of the event within its stream (1, 2, …).' })
  version!: bigint;
  @Field() eventId!: string;
  @Field() type!: string;
  @Field() schemaVersion!: number;
  @Field(() => JSONObjectResolver, {
    description:
      'The event body in its current shape, whatever schema version it was stored at (each entry of `lines` always carries its line key as `line`); amounts are yuan strings.',
  })
  data!: JsonObject;
  @Field(() => JSONObjectResolver, {
    description:
      'The event body exactly as stored, which is what the hash covers: at schemaVersion 2, `lines` entries hold only lineId and delta; at 3 (what is written now), each is the pair [lineId, delta].',
  })
  storedData!: JsonObject;
  @Field(() => LedgerEventMetadata) metadata!: LedgerEventMetadata;
  @Field({ description: 'When the ledger recorded it (database clock).' }) recordedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'Business date (YYYY-MM-DD) from which the event is in force.',
  })
  effectiveDate!: string | null;
  @Field({
    description:
      'SHA-256 (hex) over the previous hash of the stream and the canonical form of this event.',
  })
  hash!: string;
  @Field({ description: 'Hash of the previous event of the stream (zeros for the first).' })
  prevHash!: string;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function toLedgerEvent(e: RecordedEvent): LedgerEvent {
  const m = e.metadata;
  return {
    position: e.globalPosition,
    transactionId: e.transactionId,
    streamId: e.streamId,
    version: e.streamVersion,
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: upcast(e.type, e.schemaVersion, e.data) as JsonObject,
    storedData: e.data,
    metadata: {
      actor: text(m.actor),
      reason: text(m.reason),
      documentRef: text(m.documentRef),
      correlationId: text(m.correlationId),
      causationId: text(m.causationId),
      json: m as JsonObject,
    },
    recordedAt: e.recordedAt,
    effectiveDate: e.effectiveDate,
    hash: e.hash,
    prevHash: e.prevHash,
  };
}
