import { Field, ObjectType } from 'type-graphql';
import { CommandPayload } from '../payload';

@ObjectType()
export class SetPerformanceTargetsPayload extends CommandPayload {
  @Field({ description: '"unit" or "project:<code>": pass it to revise / withdraw.' })
  formId!: string;
}
