import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';
import { ChangeFigure } from './change-figure.type';

@ObjectType({ description: '八、机关运行经费增减变动原因说明.' })
export class AgencyOperatingSection {
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() text!: string;
}
