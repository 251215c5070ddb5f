import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';
import { ShareItem } from './share-item.type';

@ObjectType({ description: '二、收入预算情况说明.' })
export class RevenueSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => [ShareItem]) items!: ShareItem[];
  @Field() text!: string;
}
