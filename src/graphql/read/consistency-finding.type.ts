import { Field, Int, ObjectType } from 'type-graphql';
import { CellRef } from './cell-ref.type';

@ObjectType({
  description: 'A 勾稽 finding: a published figure that does not equal what it should.',
})
export class ConsistencyFinding {
  @Field() ruleId!: string;
  @Field(() => [CellRef], {
    description: 'The published figure first, then the cells it is compared with.',
  })
  cells!: CellRef[];
  @Field() published!: string;
  @Field() computed!: string;
  @Field() difference!: string;
  @Field(() => Int) roundedTerms!: number;
  @Field({ description: 'rounding (尾差, within tolerance) | inconsistency' }) kind!: string;
}
