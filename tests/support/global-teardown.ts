import pg from 'pg';
import { ENV_ADMIN_URL, ENV_RUN_ID } from './env';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[ENV_ADMIN_URL];
  const runId = process.env[ENV_RUN_ID];
  if (adminUrl && runId) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE '%' || $1",
        [runId],
      );
      for (const { datname } of rows)
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  await globalThis.__LEDGER_EMBEDDED__?.stop();
}
