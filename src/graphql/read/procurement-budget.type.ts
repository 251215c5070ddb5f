import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@ObjectType({
  description: 'The government procurement budget (政府采购预算) as recorded, exact yuan.',
})
export class ProcurementBudget {
  @Field(() => DecimalScalar) goods!: string;
  @Field(() => DecimalScalar) works!: string;
  @Field(() => DecimalScalar) services!: string;
  @Field(() => DecimalScalar) total!: string;
}
