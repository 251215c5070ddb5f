import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';

@ObjectType({ description: '九、政府采购情况.' })
export class ProcurementSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => DecimalScalar) goods!: string;
  @Field(() => DecimalScalar) works!: string;
  @Field(() => DecimalScalar) services!: string;
  @Field() text!: string;
}
