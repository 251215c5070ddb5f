import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';
import { TargetFormInput } from './target-form.input';

@InputType()
export class RevisePerformanceTargetsInput extends BudgetCommandInput {
  @Field({ description: '"unit" or "project:<code>".' }) formId!: string;
  @Field(() => TargetFormInput) form!: TargetFormInput;
  @Field() reason!: string;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) revisedAt?:
    string | null;
}
