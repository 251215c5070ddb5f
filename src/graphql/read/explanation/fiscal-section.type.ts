import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';
import { ItemAmount } from './item-amount.type';
import { SourceAmount } from './source-amount.type';

@ObjectType({ description: '四、财政拨款收支预算总体情况说明.' })
export class FiscalSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => [SourceAmount]) bySource!: SourceAmount[];
  @Field(() => DecimalScalar) currentYear!: string;
  @Field(() => DecimalScalar) carriedOver!: string;
  @Field(() => [ItemAmount]) expenditureItems!: ItemAmount[];
  @Field() text!: string;
}
