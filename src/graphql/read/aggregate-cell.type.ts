import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { DimensionValue } from './dimension-value.type';

@ObjectType({
  description: 'One cell of an aggregate: the drilldown values and the summed measure.',
})
export class AggregateCell {
  @Field(() => [DimensionValue], { description: 'In drilldown order.' })
  dimensions!: DimensionValue[];
  @Field(() => DecimalScalar, { description: 'Exact yuan.' }) amount!: string;
  @Field(() => DecimalScalar, {
    description: '万元, the exact sum ÷ 10000 rounded half-up once (as a table cell).',
  })
  amountWanYuan!: string;
}
