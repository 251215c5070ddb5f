import { Field, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { SanGongInput } from './san-gong.input';

@InputType({
  description:
    'Prior-year comparatives for the explanation, needed only when the prior year is not in the ledger.',
})
export class PriorYearInput {
  @Field(() => Int) fiscalYear!: number;
  @Field(() => DecimalScalar) total!: string;
  @Field(() => SanGongInput) sanGong!: SanGongInput;
  @Field(() => DecimalScalar) agencyOperatingExpenses!: string;
  @Field(() => String, { nullable: true, description: 'Where the figures come from.' }) source?:
    string | null;
}
