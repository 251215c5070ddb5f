import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from '../scalars';
import { BudgetLineDelta } from './budget-line-delta.type';
import { DisclosureCellChange } from './disclosure-cell-change.type';

@ObjectType('DisclosureDiff', {
  description:
    'Every figure and every budget line that changed between two points of a disclosure.',
})
export class DisclosureDiff {
  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Resolved `from` position, when it was a position or the publication.',
  })
  fromPosition!: bigint | null;
  @Field(() => PositionScalar, { nullable: true }) toPosition!: bigint | null;
  @Field(() => [DisclosureCellChange]) cells!: DisclosureCellChange[];
  @Field(() => [BudgetLineDelta]) lines!: BudgetLineDelta[];
}
