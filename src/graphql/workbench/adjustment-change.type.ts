import { Field, Int, ObjectType } from 'type-graphql';
import { AdjustmentStatus } from '../read/adjustment-status.enum';
import { PositionScalar } from '../scalars';

@ObjectType({ description: 'An adjustment was submitted, approved or rejected.' })
export class AdjustmentChange {
  @Field(() => PositionScalar, { description: 'Pass it back as `after` to resume.' })
  position!: bigint;
  @Field() unitCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field() adjustmentId!: string;
  @Field(() => AdjustmentStatus, { description: 'What it is now.' }) status!: AdjustmentStatus;
}
