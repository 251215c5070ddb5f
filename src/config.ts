import path from 'node:path';

/** Runtime configuration, read once from the environment. Every knob is documented in README.md. */
export interface Config {
  /** PostgreSQL ≥ 15 to use; unset → an embedded PostgreSQL with its data in dataDir. */
  databaseUrl: string | undefined;
  /**
   * The service's own login (LEDGER_SERVICE_DATABASE_URL); unset → the service role on the owner's
   * server and database, with the password kept in serviceSecretFile.
   */
  serviceDatabaseUrl: string | undefined;
  /** The generated password of the service role: beside the embedded data directory. */
  serviceSecretFile: string;
  port: number;
  host: string;
  dataDir: string;
  embeddedPort: number;
  logLevel: string;
  /**
   * Load the seed ledger into an empty database at start-up ('fenyang-2024', default) or not
   * ('none').
   */
  seed: 'fenyang-2024' | 'none';
  /** GraphQL schema introspection (GRAPHQL_INTROSPECTION=false turns it off in production). */
  introspection: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.LEDGER_DATA_DIR || path.join('.data', 'postgres'));
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    serviceDatabaseUrl: env.LEDGER_SERVICE_DATABASE_URL || undefined,
    serviceSecretFile: path.join(path.dirname(dataDir), 'service-role.password'),
    port: intFrom(env.PORT, 4000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir,
    embeddedPort: intFrom(env.EMBEDDED_PG_PORT, 54329, 'EMBEDDED_PG_PORT'),
    logLevel: env.LOG_LEVEL || 'info',
    seed: env.LEDGER_SEED === 'none' ? 'none' : 'fenyang-2024',
    introspection: env.GRAPHQL_INTROSPECTION !== 'false',
  };
}

function intFrom(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}
