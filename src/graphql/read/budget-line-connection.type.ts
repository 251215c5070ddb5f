import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../page-info.type';
import { AsOfPoint } from './as-of-point.type';
import { BudgetLineEdge } from './budget-line-edge.type';

@ObjectType({ description: 'Budget lines ordered by line id (Relay connection).' })
export class BudgetLineConnection {
  @Field(() => [BudgetLineEdge]) edges!: BudgetLineEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Lines matching the filter, on every page.' })
  totalCount!: number;
  @Field(() => AsOfPoint) asOf!: AsOfPoint;
}
