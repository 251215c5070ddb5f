import { Field, InputType, Int } from 'type-graphql';

@InputType({
  description: 'Vehicles of one use, e.g. leadership, lawEnforcement, institutionBusiness.',
})
export class VehicleUseInput {
  @Field() use!: string;
  @Field(() => Int) count!: number;
}
