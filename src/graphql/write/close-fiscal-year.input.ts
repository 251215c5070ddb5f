import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';
import { LineAmountEntryInput } from './line-amount-entry.input';

@InputType({ description: '年终结转: closes the year; nothing may change it afterwards.' })
export class CloseFiscalYearInput extends BudgetCommandInput {
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) closedAt?:
    string | null;
  @Field(() => [LineAmountEntryInput], {
    nullable: true,
    description: "What goes on to next year, at most each line's balance.",
  })
  carryForward?: LineAmountEntryInput[] | null;
}
