import { Field, InputType } from 'type-graphql';
import { PositionScalar } from '../scalars';

/**
 * What every mutation input may carry besides the command itself. A base: never in the schema
 * itself.
 */
@InputType('CommandInputBase')
export abstract class CommandInput {
  @Field(() => PositionScalar, {
    nullable: true,
    description:
      'The stream version your decision was based on (a previous nextExpectedVersion). If the stream has moved on, the mutation fails with CONCURRENCY_CONFLICT (details.actualVersion) and changes nothing.',
  })
  expectedVersion?: bigint;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes retries safe: a retry with the same key returns the first result (replayed: true); the same key with a different input is IDEMPOTENCY_MISMATCH. May also be sent as the Idempotency-Key HTTP header.',
  })
  idempotencyKey?: string;
}
