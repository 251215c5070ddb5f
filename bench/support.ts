import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, withDatabase } from '../src/events/database';
import { startEmbeddedPostgres } from '../src/events/embedded';
import { serviceRoleUrl } from '../src/events/service-role';
import { migrate } from '../src/events/migrate';

/**
 * A fresh, migrated database for one benchmark run: on DATABASE_URL's server when set, otherwise
 * on a throw-away embedded PostgreSQL. Dropped (and the server stopped) by `close`.
 */
export async function benchDatabase(
  name: string,
): Promise<{ url: string; serviceUrl: string; close(): Promise<void> }> {
  let adminUrl = process.env.DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-ledger-bench-'));
    fs.chmodSync(dir, 0o777);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dir, 'pg'),
      port: 54400 + (process.pid % 500),
      persistent: false,
    });
    adminUrl = server.url;
    stopServer = () => server.stop();
  }
  const dbName = `${name}_${process.pid}`;
  await ensureDatabase(adminUrl, dbName);
  const url = withDatabase(adminUrl, dbName);
  await migrate(url);
  // As the service logs in (src/service.ts); the password file lives as long as the run.
  const secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-ledger-bench-secret-'));
  const serviceUrl = await serviceRoleUrl(url, {
    serviceSecretFile: path.join(secretDir, 'service-role.password'),
  });
  fs.rmSync(secretDir, { recursive: true, force: true });
  return {
    url,
    serviceUrl,
    async close() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).finally(() => c.end());
      await stopServer();
    },
  };
}

/**
 * Runs `op` in `writers` concurrent loops for `seconds`; returns completed operations per second.
 */
export async function throughput(
  writers: number,
  seconds: number,
  op: (writer: number, i: number) => Promise<number>,
): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  const start = performance.now();
  const counts = await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let done = 0;
      for (let i = 0; performance.now() < deadline; i++) done += await op(w, i);
      return done;
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return counts.reduce((a, b) => a + b, 0) / elapsed;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(headers));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of cells.slice(1)) console.log(line(r));
}
