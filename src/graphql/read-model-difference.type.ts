import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from './scalars';

@ObjectType({
  description:
    'The first read-model row (a posting, a posting set, a fact version) that is not exactly what the events imply.',
})
export class ReadModelDifference {
  @Field({ description: 'line_postings | posting_sets | fact_versions' }) table!: string;
  @Field(() => PositionScalar, { description: 'The position the row is filed under.' })
  globalPosition!: bigint;
  @Field({ description: "The row's key beside its position: a line ordinal, or fact:key." })
  key!: string;
  @Field({
    description:
      'no-event (no event makes this row: a forged one) | changed (stored with other values) | missing (an event makes it, it is not stored)',
  })
  problem!: string;
  @Field(() => String, { nullable: true, description: 'The row the events imply, as JSON.' })
  expected!: string | null;
  @Field(() => String, { nullable: true, description: 'The row stored, as JSON.' })
  actual!: string | null;
}
