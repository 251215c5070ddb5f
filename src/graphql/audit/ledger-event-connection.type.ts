import { Field, ObjectType } from 'type-graphql';
import type { EventLogFilter } from '../../projections/audit';
import { PageInfo } from '../page-info.type';
import { LedgerEventEdge } from './ledger-event-edge.type';

@ObjectType('LedgerEventConnection', {
  description: 'A page of the log in log order (Relay connection).',
})
export class LedgerEventConnection {
  @Field(() => [LedgerEventEdge]) edges!: LedgerEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** Kept for totalCount, which is counted only when asked for. */
  filter!: EventLogFilter;
}
