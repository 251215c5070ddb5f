import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';

@InputType()
export class RejectAdjustmentInput extends BudgetCommandInput {
  @Field() adjustmentId!: string;
  @Field({ description: 'Why it is rejected (kept in the history).' }) reason!: string;
  @Field(() => String, { nullable: true, description: 'ISO date of rejection; default today.' })
  rejectedAt?: string | null;
}
