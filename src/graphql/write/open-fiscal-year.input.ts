import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';
import { PriorYearInput } from './prior-year.input';

@InputType({
  description: "Opens a unit's fiscal year; the unit's name and kind come from the unit registry.",
})
export class OpenFiscalYearInput extends BudgetCommandInput {
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) openedAt?:
    string | null;
  @Field(() => PriorYearInput, { nullable: true }) priorYear?: PriorYearInput | null;
}
