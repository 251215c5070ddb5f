import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The state of the event log as this server sees it.' })
export class LedgerStatus {
  @Field(() => String, {
    description: 'Global position of the last settled event (every event up to it, in log order, is final). A decimal string: positions are 64-bit.',
  })
  settledPosition!: string;

  @Field(() => String, { description: 'PostgreSQL server version.' })
  databaseVersion!: string;
}
