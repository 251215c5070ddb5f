import { Field, ObjectType } from 'type-graphql';
import { Adjustment } from './adjustment.type';

@ObjectType()
export class AdjustmentEdge {
  @Field(() => Adjustment) node!: Adjustment;
  @Field() cursor!: string;
}
