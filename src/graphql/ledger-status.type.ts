import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from './scalars';

@ObjectType({ description: 'The state of the event log as this server sees it.' })
export class LedgerStatus {
  @Field(() => PositionScalar, {
    description:
      'Global position of the last settled event: every event up to it, in log order, is final.',
  })
  settledPosition!: bigint;

  @Field(() => String, { description: 'PostgreSQL server version.' })
  databaseVersion!: string;
}
