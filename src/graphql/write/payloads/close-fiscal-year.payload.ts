import { ObjectType } from 'type-graphql';
import { CommandPayload } from '../payload';

@ObjectType()
export class CloseFiscalYearPayload extends CommandPayload {}
