import { Field, ObjectType } from 'type-graphql';
import { CommandPayload } from '../payload';

@ObjectType()
export class SubmitAdjustmentPayload extends CommandPayload {
  @Field({ description: 'Pass it to approveAdjustment / rejectAdjustment.' }) adjustmentId!: string;
}
