import { Field, InputType, Int } from 'type-graphql';
import { LineCutInput } from './line-cut.input';

@InputType({ description: 'Filters over the budget lines of one fiscal year.' })
export class BudgetLineFilter extends LineCutInput {
  @Field(() => Int) fiscalYear!: number;
}
