import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { APP_ROLE, withUser } from './database';

export interface ServiceRoleConfig {
  /** LEDGER_SERVICE_DATABASE_URL: the service's own URL, its password managed by the DBA. */
  serviceDatabaseUrl?: string;
  /** Where the generated password of the service role is kept (owner-only file). */
  serviceSecretFile: string;
}

/** SQLSTATEs of a refused login: a wrong password, or no way to authenticate the role. */
const LOGIN_REFUSED = new Set(['28P01', '28000']);

/**
 * The URL the service connects with: LEDGER_SERVICE_DATABASE_URL when set; otherwise the owner's
 * URL (same server, same database) as the service role, with the password kept in the secret
 * file. When the server refuses that password (the first start, or a new file), the owner sets
 * it. Under `trust` authentication any password is accepted, and nothing is set.
 */
export async function serviceRoleUrl(ownerUrl: string, config: ServiceRoleConfig): Promise<string> {
  if (config.serviceDatabaseUrl) return config.serviceDatabaseUrl;
  const password = servicePassword(config.serviceSecretFile);
  const url = withUser(ownerUrl, APP_ROLE, password);
  if (await canLogIn(url)) return url;
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(
      `ALTER ROLE ${pg.escapeIdentifier(APP_ROLE)} PASSWORD ${pg.escapeLiteral(password)}`,
    );
  } catch (err) {
    throw new Error(
      `could not set the password of the service role ${APP_ROLE} (${(err as Error).message}): ` +
        'set it yourself and give the service LEDGER_SERVICE_DATABASE_URL',
    );
  } finally {
    await owner.end();
  }
  return url;
}

async function canLogIn(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (err) {
    if (LOGIN_REFUSED.has((err as { code?: string }).code ?? '')) return false;
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The password in `file`, or a new random one written there (mode 0600) when it does not exist.
 * Written to a temporary file and linked into place, so that two processes starting together
 * agree on one password and neither reads a half-written file.
 */
export function servicePassword(file: string): string {
  const read = () => fs.readFileSync(file, 'utf8').trim();
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(32).toString('base64url');
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, `${password}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temporary, file);
    return password;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return read();
  } finally {
    fs.unlinkSync(temporary);
  }
}

/**
 * Refuses a service login that could do more than the service role: a superuser or another
 * privileged attribute, a member of some role (it could SET ROLE to it), or the owner of the log
 * (LEDGER_SERVICE_DATABASE_URL naming the owner, say). docs/security.md says why.
 */
export async function assertRestricted(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string; why: string | null }>(
    `SELECT current_user AS name,
            CASE WHEN r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication
                      OR r.rolbypassrls THEN 'holds a privileged attribute'
                 WHEN EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid)
                   THEN 'is a member of another role'
                 WHEN EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = 'events'::regclass
                                 AND c.relowner = r.oid) THEN 'owns the event log'
            END AS why
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const r = rows[0]!;
  if (r.why)
    throw new Error(
      `the service logs in as ${r.name}, which ${r.why}: it must log in as the restricted role ` +
        `${APP_ROLE} (docs/security.md)`,
    );
}
