import { Field, Int, ObjectType } from 'type-graphql';
import { VehicleCount } from './vehicle-count.type';

@ObjectType()
export class Vehicles {
  @Field(() => Int, { description: '编制数.' }) establishment!: number;
  @Field(() => Int, { description: '实有数.' }) actual!: number;
  @Field(() => [VehicleCount]) byUse!: VehicleCount[];
}
