import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from './scalars';

@ObjectType({
  description: 'The first event whose stored hash, chain link or version does not hold.',
})
export class BrokenEvent {
  @Field(() => PositionScalar) globalPosition!: bigint;
  @Field() streamId!: string;
  @Field(() => PositionScalar) streamVersion!: bigint;
  @Field() eventId!: string;
  @Field({ description: 'version-gap | chain-broken | content-altered' }) problem!: string;
}
