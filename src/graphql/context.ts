import type pg from 'pg';
import type { EventStore } from '../events/event-store';

/** What every resolver gets: the services of the request. Built once per request in server.ts. */
export interface GraphQLContext {
  pool: pg.Pool;
  store: EventStore;
}
