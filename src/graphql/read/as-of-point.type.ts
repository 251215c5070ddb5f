import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from '../scalars';

@ObjectType({
  description: 'The point a result reflects, resolved (a publication becomes its position).',
})
export class AsOfPoint {
  @Field(() => PositionScalar, { nullable: true }) position!: bigint | null;
  @Field(() => Date, { nullable: true }) recordedAt!: Date | null;
  @Field(() => String, { nullable: true }) effectiveOn!: string | null;
}
