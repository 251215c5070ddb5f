import type { Config } from './config';
import { openDatabase } from './events/bootstrap';
import { superviseEmbedded } from './events/embedded';
import { createPool } from './events/database';
import { assertRestricted, serviceRoleUrl } from './events/service-role';
import { LedgerEventsHub } from './graphql/events-hub';
import { EventStore } from './events/event-store';
import { migrate } from './events/migrate';
import { startHttpServer } from './graphql/server';
import { LedgerService } from './app/ledger-service';
import { loadSeed } from './seed/run';
import { LedgerReferences } from './app/reference-codes';

export interface Logger {
  info(msg: string): void;
  error(msg: string): void;
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

/** The composition root: database (given or embedded) → migrations → event store → HTTP. */
/**
 * `onFatal`: the service cannot go on (its embedded database could not be restarted); the default
 * logs why and ends the process with exit code 1.
 */
export async function startService(
  config: Config,
  log: Logger,
  onFatal: (why: string) => void = (why) => {
    log.error(why);
    process.exit(1);
  },
): Promise<RunningService> {
  const db = await openDatabase(config, (m) => log.info(m));
  const endSupervision = db.server
    ? superviseEmbedded(db.server, {
        log: (m) => log.error(m),
        onGiveUp: (err) =>
          onFatal(`embedded PostgreSQL could not be restarted, stopping: ${err.message}`),
      })
    : () => undefined;
  try {
    const applied = await migrate(db.url, (m) => log.info(m));
    if (applied.length) log.info(`applied migrations: ${applied.join(', ')}`);
    // Migrations ran as the owner; everything else runs as the restricted service role.
    const serviceUrl = await serviceRoleUrl(db.url, config);
    const pool = createPool(serviceUrl);
    await assertRestricted(pool).catch(async (err: unknown) => {
      await pool.end();
      throw err;
    });
    const store = new EventStore(pool);
    // The ledger's reference lists, shared by its writers, its event feed and its read side.
    const references = new LedgerReferences();
    // A new ledger starts with the seed unit's real 2024 budget, so that a fresh `npm start`
    // shows something true; LEDGER_SEED=none starts empty.
    if (config.seed !== 'none' && (await store.settledPosition()) === 0n) {
      await loadSeed(new LedgerService(store, references), store, pool, (m) => log.info(m));
    }
    const service = new LedgerService(store, references);
    // Codes adopted from imported documents: the feed first (nothing appended from here on is
    // missed), then everything already in the log (applying twice changes nothing).
    const hub = new LedgerEventsHub(store, serviceUrl, references.apply);
    await hub.start();
    await references.load(store);
    const server = await startHttpServer({
      pool,
      store,
      service,
      hub,
      port: config.port,
      host: config.host,
      introspection: config.introspection,
      log: (m) => log.error(m),
    });
    log.info(
      `budget-ledger serving on ${server.url} (listening on ${config.host}:${server.port}; GraphQL at /graphql, health at /healthz)`,
    );
    return {
      url: server.url,
      async close() {
        await server.close();
        await hub.close();
        await store.close();
        await pool.end();
        endSupervision();
        await db.stop();
      },
    };
  } catch (err) {
    endSupervision();
    await db.stop().catch(() => undefined);
    throw err;
  }
}
