import { Field, Int, ObjectType } from 'type-graphql';
import { PositionScalar } from '../scalars';

@ObjectType('DisclosureChange', {
  description:
    "An event that changed the inputs of a department-year's disclosure (its lines or its facts).",
})
export class DisclosureChange {
  @Field(() => PositionScalar, {
    description: 'Pass it back as `after` to resume after a reconnect or a server restart.',
  })
  position!: bigint;
  @Field() streamId!: string;
  @Field() eventType!: string;
  @Field(() => Int, {
    description:
      'How many budget-line postings the event made (0 for a fact such as a target revision).',
  })
  changedLines!: number;
  @Field() recordedAt!: Date;
}
