import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@ObjectType('BudgetLineDelta', {
  description: 'A budget line whose balance differs between the two points (yuan).',
})
export class BudgetLineDelta {
  @Field() lineId!: string;
  @Field(() => DecimalScalar) from!: string;
  @Field(() => DecimalScalar) to!: string;
  @Field(() => DecimalScalar) delta!: string;
}
