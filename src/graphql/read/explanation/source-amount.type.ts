import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';

@ObjectType()
export class SourceAmount {
  @Field({ description: 'Fund source id, e.g. general-public.' }) source!: string;
  @Field(() => DecimalScalar) amount!: string;
}
