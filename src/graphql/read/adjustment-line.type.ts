import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@ObjectType({ description: 'A line an adjustment changes, and by how much (yuan, signed).' })
export class AdjustmentLine {
  @Field() lineId!: string;
  @Field() fundSource!: string;
  @Field() functionalCode!: string;
  @Field({ description: 'personnel | public | project' }) kind!: string;
  @Field() deptEconCode!: string;
  @Field() govEconCode!: string;
  @Field(() => String, { nullable: true }) projectCode!: string | null;
  @Field({ description: 'current | carry-over' }) origin!: string;
  @Field(() => DecimalScalar) delta!: string;
}
