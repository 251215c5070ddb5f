import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { BudgetCommandInput } from './budget-command.input';

@InputType({
  description: '政府采购预算 of the unit-year, in yuan (each ≥ 0; the total is computed).',
})
export class RecordProcurementBudgetInput extends BudgetCommandInput {
  @Field(() => DecimalScalar) goods!: string;
  @Field(() => DecimalScalar) works!: string;
  @Field(() => DecimalScalar) services!: string;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) recordedAt?:
    string | null;
}
