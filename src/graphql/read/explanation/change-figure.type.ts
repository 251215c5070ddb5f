import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';

@ObjectType({
  description: 'A change against the prior year, from printed figures (增减额/增减率).',
})
export class ChangeFigure {
  @Field(() => DecimalScalar, { description: "The prior year's figure as printed." })
  prior!: string;
  @Field(() => DecimalScalar, { description: '|增减额| as printed.' }) amount!: string;
  @Field(() => String, {
    nullable: true,
    description: '|增减率| in percent; null when the prior year is zero.',
  })
  percent!: string | null;
  @Field({ description: 'increase | decrease | flat' }) direction!: string;
}
