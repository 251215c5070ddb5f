import { LedgerReferences } from '../../src/app/reference-codes';
import { LedgerService } from '../../src/app/ledger-service';
import {
  createAccessToken,
  type NewAccessToken,
  type TokenRole,
} from '../../src/events/access-tokens';
import { EventStore } from '../../src/events/event-store';
import { LedgerEventsHub } from '../../src/graphql/events-hub';
import { startHttpServer } from '../../src/graphql/server';
import { loadSeed } from '../../src/seed/run';
import { freshDatabase, type TestDatabase } from './db';

export interface TestServer {
  url: string;
  db: TestDatabase;
  store: EventStore;
  /** A bearer token per role; the officer acts for 019001 and 019002 (the seed department). */
  tokens: Record<TokenRole | 'OTHER_OFFICER', string>;
  /** A new bearer token (its person defaults to its label). */
  token(grant: Omit<NewAccessToken, 'person'> & { person?: string }): Promise<string>;
  /** POST a GraphQL request; `token` null = PUBLIC. */
  gql<T = GqlData>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export type GqlData = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface GqlResponse<T> {
  status: number;
  data: T | null | undefined;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; details?: Record<string, unknown> };
  }[];
}

/**
 * A real server on a fresh, seeded database, listening on a free loopback port: end-to-end tests
 * talk to it over HTTP like any client.
 */
export async function startTestServer(opts: { seed?: boolean } = {}): Promise<TestServer> {
  const db = await freshDatabase();
  const store = new EventStore(db.appPool);
  const references = new LedgerReferences();
  const service = new LedgerService(store, references);
  if (opts.seed ?? true) await loadSeed(service, store, db.appPool);
  const listenUrl = db.serviceUrl;
  // As the service does (src/service.ts): codes adopted from imported documents, from the feed
  // and the log.
  const hub = new LedgerEventsHub(store, listenUrl, references.apply);
  await hub.start();
  await references.load(store);
  const server = await startHttpServer({
    pool: db.appPool,
    store,
    service,
    hub,
    port: 0,
    host: '127.0.0.1',
    log: (m) => {
      if (process.env.TEST_SERVER_LOG) console.error(m);
    },
  });
  const token: TestServer['token'] = (grant) =>
    createAccessToken(db.ownerPool, { person: grant.label, ...grant }).then((t) => t.token);
  const mk = (role: TokenRole, unitCodes: string[], label: string) =>
    token({ role, unitCodes, label });
  const tokens = {
    ADMIN: await mk('ADMIN', [], 'test-admin'),
    BUDGET_OFFICER: await mk('BUDGET_OFFICER', ['019001', '019002'], 'test-officer'),
    OTHER_OFFICER: await mk('BUDGET_OFFICER', ['020001'], 'test-other-officer'),
    FINANCE_REVIEWER: await mk('FINANCE_REVIEWER', [], 'test-reviewer'),
    AUDITOR: await mk('AUDITOR', [], 'test-auditor'),
  };
  return {
    url: server.url,
    db,
    store,
    tokens,
    token,
    async gql(query, variables, token = null, headers = {}) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as {
        data?: unknown;
        errors?: GqlResponse<unknown>['errors'];
      };
      return { status: res.status, data: body.data as never, errors: body.errors };
    },
    async close() {
      await server.close();
      await hub.close();
      await store.close();
      await db.drop();
    },
  };
}
