import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from '../../scalars';

@ObjectType({
  description:
    'An event a mutation appended (or, for a replayed retry, had appended the first time).',
})
export class WrittenEvent {
  @Field({ description: 'The event id (a UUID).' }) id!: string;
  @Field({ description: 'The event type, e.g. AdjustmentSubmitted.' }) type!: string;
  @Field(() => PositionScalar, { description: 'Position in the global log.' })
  globalPosition!: bigint;
  @Field(() => PositionScalar, { description: 'Version of its stream after this event.' })
  streamVersion!: bigint;
}
