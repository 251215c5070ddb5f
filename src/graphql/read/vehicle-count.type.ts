import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Official vehicles by use (领导用车, 执法执勤用车 …).' })
export class VehicleCount {
  @Field({ description: 'e.g. leadership, lawEnforcement, emergencySupport.' }) use!: string;
  @Field(() => Int) count!: number;
}
