import { ObjectType } from 'type-graphql';
import { CommandPayload } from '../payload';

@ObjectType()
export class RegisterBudgetUnitPayload extends CommandPayload {}
