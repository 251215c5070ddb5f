import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../../src/events/database';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/events/embedded';
import { migrate } from '../../src/events/migrate';
import { serviceRoleUrl } from '../../src/events/service-role';
import { ENV_ADMIN_URL, ENV_RUN_ID, ENV_SERVICE_PASSWORD, ENV_TEMPLATE } from './env';
import { freePort } from './ports';

declare global {
  var __LEDGER_EMBEDDED__: EmbeddedServer | undefined;
}

/**
 * One PostgreSQL server per test run: DATABASE_URL's when set (CI's second pass uses the machine's
 * PostgreSQL 15), otherwise a throw-away embedded one. Migrations run once, into a template
 * database; every test file clones it (CREATE DATABASE … TEMPLATE), which is fast and gives each
 * file a fresh, fully migrated database.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-ledger-test-'));
  if (!adminUrl) {
    // The embedded server may run as the postgres OS user: let it own its directory's parent.
    fs.chmodSync(dataDir, 0o777);
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg'),
      port: await freePort(),
      persistent: false,
    });
    globalThis.__LEDGER_EMBEDDED__ = server;
    adminUrl = server.url;
  }
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const template = `ledger_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(adminUrl, template));
  // The service role's password for this run, as the service keeps it (set on the embedded
  // server; under trust authentication any password is accepted).
  const serviceUrl = await serviceRoleUrl(withDatabase(adminUrl, template), {
    serviceSecretFile: path.join(dataDir, 'service-role.password'),
  });
  process.env[ENV_SERVICE_PASSWORD] = decodeURIComponent(new URL(serviceUrl).password);
  process.env[ENV_ADMIN_URL] = adminUrl;
  process.env[ENV_TEMPLATE] = template;
  process.env[ENV_RUN_ID] = runId;
}
