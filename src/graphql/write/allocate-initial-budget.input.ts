import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';
import { LineAmountEntryInput } from './line-amount-entry.input';

@InputType({
  description:
    '年初预算: amounts on lines of origin current. An allocation id is recorded once, so resending it cannot double the budget.',
})
export class AllocateInitialBudgetInput extends BudgetCommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'e.g. "年初预算-基本支出"; generated when omitted.',
  })
  allocationId?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) allocatedAt?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The 批复 文号, if any.' }) documentNumber?:
    string | null;
  @Field(() => [LineAmountEntryInput]) lines!: LineAmountEntryInput[];
}
