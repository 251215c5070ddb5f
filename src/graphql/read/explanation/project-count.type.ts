import { Field, ObjectType } from 'type-graphql';
import { CountAmount } from './count-amount.type';

@ObjectType({ description: 'Projects counted, with their money split by category.' })
export class ProjectCount extends CountAmount {
  @Field(() => CountAmount) otherOperating!: CountAmount;
  @Field(() => CountAmount) specificTarget!: CountAmount;
}
