import { Field, ObjectType } from 'type-graphql';
import { LedgerEvent } from './ledger-event.type';

@ObjectType('LedgerEventEdge')
export class LedgerEventEdge {
  @Field(() => LedgerEvent) node!: LedgerEvent;
  @Field({ description: "Opaque; encodes the event's global position." }) cursor!: string;
}
