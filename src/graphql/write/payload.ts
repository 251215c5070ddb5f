import { Field, ObjectType } from 'type-graphql';
import type { CommandResult } from '../../app/ledger-service';
import { PositionScalar } from '../scalars';
import { WrittenEvent } from './payloads/written-event.type';

/**
 * What every mutation returns. Each mutation has its own payload type (GitHub style) so that a
 * mutation can later return more without a breaking change; they share these fields.
 */
@ObjectType('CommandPayloadBase')
export abstract class CommandPayload {
  @Field({ description: 'The stream the command was decided on, e.g. budget-019001-2024.' })
  streamId!: string;
  @Field(() => PositionScalar, {
    description:
      'Pass this as expectedVersion to make the next command conditional on nothing having changed since.',
  })
  nextExpectedVersion!: bigint;
  @Field(() => [WrittenEvent]) events!: WrittenEvent[];
  @Field({
    description:
      'True when this was a retry with a known Idempotency-Key: nothing was appended, the first result is returned.',
  })
  replayed!: boolean;
}

export function payloadOf(result: CommandResult): CommandPayload {
  return {
    streamId: result.streamId,
    nextExpectedVersion: result.nextExpectedVersion,
    replayed: result.replayed,
    events: result.events.map((e) => ({
      id: e.eventId,
      type: e.type,
      globalPosition: e.globalPosition,
      streamVersion: e.streamVersion,
    })),
  };
}
