import pg from 'pg';

/**
 * The role the service logs in as: it appends only through ledger_append, reads, and can become
 * no other role (migrations/0009, docs/security.md).
 */
export const APP_ROLE = 'budget_ledger_app';

// bigint columns (positions, versions) arrive as strings by default; the store converts them to
// BigInt itself, so nothing here turns them into lossy JS numbers.

export interface PoolOptions {
  max?: number;
  applicationName?: string;
}

/**
 * A pool for the ledger, as whoever the URL names: the service's URL (serviceRoleUrl) for the
 * service, the owner's for migrations and admin tools. An open transaction holds back every
 * catch-up reader (see read.ts), so idle transactions are cut off after 30 s.
 */
export function createPool(connectionString: string, opts: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    options: '-c idle_in_transaction_session_timeout=30000',
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'budget-ledger',
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** The same server and database as `url`, logging in as `user` with `password`. */
export function withUser(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export async function databaseStatus(
  pool: pg.Pool,
): Promise<{ up: boolean; version?: string; error?: string }> {
  try {
    const { rows } = await pool.query<{ version: string }>(
      "SELECT current_setting('server_version') AS version",
    );
    return { up: true, version: rows[0]?.version };
  } catch (err) {
    return { up: false, error: (err as Error).message };
  }
}

/**
 * Creates a database if it does not exist (CREATE DATABASE cannot run in a transaction or a DO
 * block).
 */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (err) {
    if ((err as { code?: string }).code !== '42P04') throw err; // created concurrently
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
]);

/**
 * Whether an error means the database cannot be reached now (down, restarting, connection cut),
 * as opposed to a query it refused: the request may succeed if retried shortly.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08')))
    return true;
  return typeof message === 'string' && /^Connection terminated/.test(message);
}
