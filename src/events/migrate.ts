import path from 'node:path';
import { PROJECT_ROOT } from '../paths';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

/**
 * Applies the numbered SQL files of migrations/ with node-pg-migrate, in one transaction, under
 * its advisory lock (concurrent starters wait instead of failing). Returns the names applied.
 */
export async function migrate(
  adminUrl: string,
  log: (msg: string) => void = () => undefined,
): Promise<string[]> {
  // node-pg-migrate is ESM-only; a real dynamic import keeps this CommonJS build loading it.
  const { runner } = await import('node-pg-migrate');
  const applied = await runner({
    databaseUrl: adminUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    singleTransaction: true,
    checkOrder: true,
    advisoryLockMode: 'wait',
    log: () => undefined,
    logger: { debug: () => undefined, info: log, warn: log, error: log },
  });
  return applied.map((m) => m.name);
}
