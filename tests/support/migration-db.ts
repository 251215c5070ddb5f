/**
 * An empty database of its own for a test of one migration on data the migrations before it
 * wrote: created before the file's tests and dropped after them; `runMigrations` applies the
 * migration files (plain SQL, as node-pg-migrate runs them) whose names pass the filter, in order.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../../src/events/database';
import { MIGRATIONS_DIR } from '../../src/events/migrate';
import { ENV_ADMIN_URL, ENV_RUN_ID } from './env';

export function useMigrationDatabase(prefix: string): {
  sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  runMigrations(which: (file: string) => boolean): Promise<void>;
} {
  const adminUrl = process.env[ENV_ADMIN_URL]!;
  const name = `${prefix}_${randomBytes(3).toString('hex')}_${process.env[ENV_RUN_ID]}`;
  const url = withDatabase(adminUrl, name);
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(text).finally(() => c.end());
  };
  beforeAll(() => admin(`CREATE DATABASE ${name}`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query<T>(text, values)).rows;
    } finally {
      await c.end();
    }
  }
  async function runMigrations(which: (file: string) => boolean) {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    for (const file of files.filter(which))
      await sql(fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'));
  }
  return { sql, runMigrations };
}
