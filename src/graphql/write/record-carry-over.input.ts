import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';
import { LineAmountEntryInput } from './line-amount-entry.input';

@InputType({ description: '上年结转: amounts on lines of origin carry-over.' })
export class RecordCarryOverInput extends BudgetCommandInput {
  @Field(() => String, { nullable: true, description: 'Generated when omitted.' }) carryOverId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) recordedAt?:
    string | null;
  @Field(() => String, { nullable: true }) documentNumber?: string | null;
  @Field(() => [LineAmountEntryInput]) lines!: LineAmountEntryInput[];
}
