import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';

@ObjectType()
export class ItemAmount {
  @Field() item!: string;
  @Field(() => DecimalScalar) amount!: string;
}
