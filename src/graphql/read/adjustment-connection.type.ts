import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../page-info.type';
import { AdjustmentEdge } from './adjustment-edge.type';

@ObjectType({ description: 'Adjustments in submission order.' })
export class AdjustmentConnection {
  @Field(() => [AdjustmentEdge]) edges!: AdjustmentEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
