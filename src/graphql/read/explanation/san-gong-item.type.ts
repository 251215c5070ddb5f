import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';
import { ChangeFigure } from './change-figure.type';

@ObjectType()
export class SanGongItem {
  @Field({ description: 'overseasTravel | officialReception | vehicleOperation | vehiclePurchase' })
  key!: string;
  @Field() item!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
}
