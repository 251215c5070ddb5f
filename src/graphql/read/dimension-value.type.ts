import { Field, ObjectType } from 'type-graphql';
import { AggregateDimension } from './aggregate.input';

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
