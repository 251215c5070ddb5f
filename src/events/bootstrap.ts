import type { Config } from '../config';
import { runningPostmaster, startEmbeddedPostgres, type EmbeddedServer } from './embedded';
import { ensureDatabase, withDatabase } from './database';

export const EMBEDDED_DATABASE = 'budget_ledger';

export interface OpenedDatabase {
  /** URL of the ledger database as its owner (migrations, admin tools). */
  url: string;
  embedded: boolean;
  /** The embedded server this process started (not one it found running), to supervise. */
  server?: EmbeddedServer;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL whose data lives in config.dataDir and
 * survives restarts (stopped cleanly by the caller's signal handlers).
 */
export async function openDatabase(
  config: Config,
  log: (msg: string) => void,
): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const running = runningPostmaster(config.dataDir);
  if (running) {
    // Another process (the service, usually) runs it: use it, and leave it running.
    log(
      `DATABASE_URL is not set: using the embedded PostgreSQL already running on ${config.dataDir}`,
    );
    await ensureDatabase(running.url, EMBEDDED_DATABASE);
    return {
      url: withDatabase(running.url, EMBEDDED_DATABASE),
      embedded: true,
      stop: async () => undefined,
    };
  }
  log(
    `DATABASE_URL is not set: starting embedded PostgreSQL (data in ${config.dataDir}, port ${config.embeddedPort})`,
  );
  const server = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPort,
    persistent: true,
  });
  await ensureDatabase(server.url, EMBEDDED_DATABASE);
  return {
    url: withDatabase(server.url, EMBEDDED_DATABASE),
    embedded: true,
    server,
    stop: () => server.stop(),
  };
}
