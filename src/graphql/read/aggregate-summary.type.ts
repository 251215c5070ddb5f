import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@ObjectType({ description: 'The total of every cell (not only the page).' })
export class AggregateSummary {
  @Field(() => DecimalScalar, { description: 'Exact yuan.' }) amount!: string;
  @Field(() => DecimalScalar, { description: '万元, rounded once from the exact total.' })
  amountWanYuan!: string;
}
