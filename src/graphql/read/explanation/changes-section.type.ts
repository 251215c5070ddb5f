import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';
import { ChangeFigure } from './change-figure.type';

@ObjectType({ description: '一、收支预算变动情况及原因.' })
export class ChangesSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => DecimalScalar) currentYear!: string;
  @Field(() => DecimalScalar) carriedOver!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() text!: string;
}
