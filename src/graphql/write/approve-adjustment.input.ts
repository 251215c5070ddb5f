import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';

@InputType()
export class ApproveAdjustmentInput extends BudgetCommandInput {
  @Field() adjustmentId!: string;
  @Field(() => String, { nullable: true, description: 'ISO date of approval; default today.' })
  approvedAt?: string | null;
}
