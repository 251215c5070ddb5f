import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';
import { AmountWithItems } from './amount-with-items.type';

@ObjectType({ description: '六、一般公共预算基本支出情况说明.' })
export class BasicSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => AmountWithItems) personnel!: AmountWithItems;
  @Field(() => AmountWithItems) public!: AmountWithItems;
  @Field() text!: string;
}
