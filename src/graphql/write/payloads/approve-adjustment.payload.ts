import { ObjectType } from 'type-graphql';
import { CommandPayload } from '../payload';

@ObjectType()
export class ApproveAdjustmentPayload extends CommandPayload {}
