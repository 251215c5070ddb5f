import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';
import { ChangeFigure } from './change-figure.type';
import { ShareItem } from './share-item.type';

@ObjectType({ description: '五、一般公共预算支出情况说明.' })
export class GeneralPublicSection {
  @Field(() => DecimalScalar) currentYearExpenditure!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
  @Field(() => [ShareItem]) items!: ShareItem[];
  @Field() scaleText!: string;
  @Field() structureText!: string;
}
