import { Field, ObjectType } from 'type-graphql';
import { BrokenEvent } from './broken-event.type';
import { PositionScalar } from './scalars';

@ObjectType({ description: 'The result of recomputing every hash chain of the log.' })
export class LedgerVerification {
  @Field({ description: 'True when every event up to the bound is intact.' }) ok!: boolean;
  @Field(() => PositionScalar) eventsChecked!: bigint;
  @Field(() => PositionScalar) streamsChecked!: bigint;
  @Field(() => BrokenEvent, { nullable: true }) firstBroken!: BrokenEvent | null;
}
