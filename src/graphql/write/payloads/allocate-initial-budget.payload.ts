import { Field, ObjectType } from 'type-graphql';
import { CommandPayload } from '../payload';

@ObjectType()
export class AllocateInitialBudgetPayload extends CommandPayload {
  @Field() allocationId!: string;
}
