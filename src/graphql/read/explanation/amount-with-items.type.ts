import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';

@ObjectType({ description: 'An amount and the 经济分类 款 names it consists of.' })
export class AmountWithItems {
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => [String]) items!: string[];
}
