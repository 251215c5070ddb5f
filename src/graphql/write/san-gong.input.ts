import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@InputType({ description: '三公经费 of the prior year, in yuan.' })
export class SanGongInput {
  @Field(() => DecimalScalar) overseasTravel!: string;
  @Field(() => DecimalScalar) officialReception!: string;
  @Field(() => DecimalScalar) vehiclePurchase!: string;
  @Field(() => DecimalScalar) vehicleOperation!: string;
}
