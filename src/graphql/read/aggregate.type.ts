import { Field, Int, ObjectType } from 'type-graphql';
import { AggregateDimension } from './aggregate.input';
import { AsOfPoint } from './as-of-point.type';
import { AggregateCell } from './aggregate-cell.type';
import { AggregateSummary } from './aggregate-summary.type';

@ObjectType({ description: 'Budget money summed by drilldown, OpenSpending-style.' })
export class AggregateResult {
  @Field(() => [AggregateCell]) cells!: AggregateCell[];
  @Field(() => AggregateSummary) summary!: AggregateSummary;
  @Field(() => Int, { description: 'Cells in all, on every page.' }) cellCount!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) pageSize!: number;
  @Field(() => [AggregateDimension]) drilldown!: AggregateDimension[];
  @Field(() => AsOfPoint) asOf!: AsOfPoint;
}
