import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE, createPool, withDatabase, withUser } from '../../src/events/database';
import { EventStore } from '../../src/events/event-store';
import { ENV_ADMIN_URL, ENV_RUN_ID, ENV_SERVICE_PASSWORD, ENV_TEMPLATE } from './env';

export interface TestDatabase {
  name: string;
  /** URL as the database owner (a superuser in tests). */
  url: string;
  /** URL as the service's restricted login role (budget_ledger_app). */
  serviceUrl: string;
  /** Pool as the service's restricted role: what the service runs with. */
  appPool: pg.Pool;
  /** Pool as the owner / superuser: for setting up tampering and checking privileges. */
  ownerPool: pg.Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function freshDatabase(): Promise<TestDatabase> {
  const adminUrl = required(ENV_ADMIN_URL);
  const name = `t_${randomBytes(4).toString('hex')}_${required(ENV_RUN_ID)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${required(ENV_TEMPLATE)}`);
        break;
      } catch (err) {
        // 55006: the template is briefly in use by a concurrent clone on some versions.
        if ((err as { code?: string }).code !== '55006' || attempt > 20) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const serviceUrl = serviceUrlOf(url);
  const appPool = createPool(serviceUrl, { max: 40 });
  const ownerPool = createPool(url, { max: 5 });
  return {
    name,
    url,
    serviceUrl,
    appPool,
    ownerPool,
    async drop() {
      await appPool.end();
      await ownerPool.end();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    },
  };
}

/** The service role's URL for a database of this run, given its owner's URL. */
export function serviceUrlOf(ownerUrl: string): string {
  return withUser(ownerUrl, APP_ROLE, required(ENV_SERVICE_PASSWORD));
}

function required(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(
      `${name} is not set: run the tests through jest (tests/support/global-setup.ts)`,
    );
  return v;
}

/**
 * A fresh database with an event store on it (as the service's role) for the tests of one file,
 * or for each test with `'test'`; closed and dropped afterwards. Read its fields inside tests and
 * hooks: they are set by the hook, not when the file loads.
 */
export function useLedgerDatabase(scope: 'file' | 'test' = 'file'): {
  db: TestDatabase;
  store: EventStore;
} {
  const fixture = {} as { db: TestDatabase; store: EventStore };
  (scope === 'file' ? beforeAll : beforeEach)(async () => {
    fixture.db = await freshDatabase();
    fixture.store = new EventStore(fixture.db.appPool);
  });
  (scope === 'file' ? afterAll : afterEach)(async () => {
    await fixture.store.close();
    await fixture.db.drop();
  });
  return fixture;
}
