import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';

@ObjectType()
export class AmountText {
  @Field(() => DecimalScalar) amount!: string;
  @Field() text!: string;
}
