import { Field, ObjectType } from 'type-graphql';
import { BrokenEvent } from './broken-event.type';
import { PositionScalar } from './scalars';
import { ReadModelDifference } from './read-model-difference.type';

@ObjectType({
  description:
    'The result of recomputing every hash chain of the log and every read-model row from the events.',
})
export class LedgerVerification {
  @Field({
    description:
      'True when every event up to the bound is intact and the read models are exactly what the events imply.',
  })
  ok!: boolean;
  @Field(() => PositionScalar) eventsChecked!: bigint;
  @Field(() => PositionScalar) streamsChecked!: bigint;
  @Field(() => BrokenEvent, { nullable: true }) firstBroken!: BrokenEvent | null;
  @Field(() => PositionScalar, {
    description: 'Rows of the read models (postings, posting sets, fact versions) compared.',
  })
  readModelRowsChecked!: bigint;
  @Field(() => ReadModelDifference, { nullable: true })
  firstReadModelDifference!: ReadModelDifference | null;
}
