import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';

@InputType()
export class WithdrawPerformanceTargetsInput extends BudgetCommandInput {
  @Field({ description: '"unit" or "project:<code>".' }) formId!: string;
  @Field() reason!: string;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) withdrawnAt?:
    string | null;
}
