import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';

@ObjectType()
export class CountAmount {
  @Field(() => Int) count!: number;
  @Field(() => DecimalScalar) amount!: string;
}
