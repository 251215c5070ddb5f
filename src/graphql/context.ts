import type pg from 'pg';
import type { LedgerService } from '../app/ledger-service';
import type { DisclosurePlanner } from '../import/disclosure/plan-job';
import type { EventStore } from '../events/event-store';
import type { Viewer } from './auth';
import type { LedgerEventsHub } from './events-hub';

/** The services of the server, shared by every request. */
export interface Services {
  pool: pg.Pool;
  store: EventStore;
  service: LedgerService;
  hub: LedgerEventsHub;
}

/** What every resolver gets: the services, and who is asking. Built per request in server.ts. */
export interface GraphQLContext extends Services {
  viewer: Viewer;
  /** Plans an imported disclosure off the event loop (a worker thread of the server's). */
  planDisclosure: DisclosurePlanner;
  /** The request's Idempotency-Key header, if any (mutations also take it as an input field). */
  idempotencyKey?: string;
}
