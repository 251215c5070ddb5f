import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';
import { ShareItem } from './share-item.type';

@ObjectType({ description: '三、支出预算情况说明.' })
export class ExpenditureSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => ShareItem) basic!: ShareItem;
  @Field(() => ShareItem) project!: ShareItem;
  @Field() text!: string;
}
