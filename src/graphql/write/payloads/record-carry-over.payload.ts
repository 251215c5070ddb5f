import { Field, ObjectType } from 'type-graphql';
import { CommandPayload } from '../payload';

@ObjectType()
export class RecordCarryOverPayload extends CommandPayload {
  @Field() carryOverId!: string;
}
