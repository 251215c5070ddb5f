import { Field, ObjectType } from 'type-graphql';
import { BudgetLine } from './budget-line.type';

@ObjectType()
export class BudgetLineEdge {
  @Field(() => BudgetLine) node!: BudgetLine;
  @Field() cursor!: string;
}
