import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';

@ObjectType({ description: 'An item and its share (占比) of a whole.' })
export class ShareItem {
  @Field() item!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Percent, 2 decimals; null when the whole is zero.',
  })
  sharePercent!: string | null;
}
