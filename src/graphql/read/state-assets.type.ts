import { Field, Int, ObjectType } from 'type-graphql';
import { Vehicles } from './vehicles.type';

@ObjectType({ description: 'State assets held (国有资产占有使用情况) as recorded.' })
export class StateAssets {
  @Field({ description: 'The date the holdings are stated for.' }) asOf!: string;
  @Field(() => Vehicles) vehicles!: Vehicles;
  @Field({ description: 'Office space in m², as recorded.' }) officeSpaceM2!: string;
  @Field(() => Int, { description: 'General equipment over 500,000 yuan (original value).' })
  equipmentOver500k!: number;
  @Field(() => Int, { description: 'General equipment over 1,000,000 yuan (original value).' })
  equipmentOver1m!: number;
}
