import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { AggregateDimension } from './aggregate.input';
import { AsOfPoint } from './as-of.input';

@ObjectType({ description: 'The value of one drilldown dimension in a cell: its code and name.' })
export class DimensionValue {
  @Field(() => AggregateDimension) dimension!: AggregateDimension;
  @Field(() => String, {
    nullable: true,
    description:
      'The code (or id); null where the dimension does not apply (PROJECT on basic lines).',
  })
  code!: string | null;
  @Field(() => String, { nullable: true }) name!: string | null;
}

@ObjectType({
  description: 'One cell of an aggregate: the drilldown values and the summed measure.',
})
export class AggregateCell {
  @Field(() => [DimensionValue], { description: 'In drilldown order.' })
  dimensions!: DimensionValue[];
  @Field(() => DecimalScalar, { description: 'Exact yuan.' }) amount!: string;
  @Field(() => DecimalScalar, {
    description: '万元, the exact sum ÷ 10000 rounded half-up once (as a table cell).',
  })
  amountWanYuan!: string;
}

@ObjectType({ description: 'The total of every cell (not only the page).' })
export class AggregateSummary {
  @Field(() => DecimalScalar, { description: 'Exact yuan.' }) amount!: string;
  @Field(() => DecimalScalar, { description: '万元, rounded once from the exact total.' })
  amountWanYuan!: string;
}

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
