import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../../src/events/database';
import { MIGRATIONS_DIR } from '../../src/events/migrate';
import { ENV_ADMIN_URL, ENV_RUN_ID } from '../support/env';

/**
 * Migration 0010 on a ledger whose tokens were made before persons existed: each keeps working,
 * as the person its label named; the roles' limits hold for tokens made from then on.
 */
const adminUrl = process.env[ENV_ADMIN_URL]!;
const name = `t_m10_${randomBytes(3).toString('hex')}_${process.env[ENV_RUN_ID]}`;
const url = withDatabase(adminUrl, name);

async function sql<T extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.end());
});

const token = (role: string, label: string, units: string[] = [], departments?: string[]) =>
  sql(
    `INSERT INTO api_tokens (id, token_hash, role, unit_codes, label${departments ? ', department_codes, person_id' : ''})
     VALUES (gen_random_uuid(), decode(md5(random()::text), 'hex'), $1, $2, $3${departments ? ', $4, $3' : ''})`,
    departments ? [role, units, label, departments] : [role, units, label],
  );

test('given tokens made before 0010, each becomes the person of its label; new tokens keep to their role', async () => {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const run = async (file: string) => sql(fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'));
  for (const file of files.filter((f) => f < '0010')) await run(file);
  await token('BUDGET_OFFICER', '张会计', ['019001']);
  await token('FINANCE_REVIEWER', '张会计');
  await token('AUDITOR', 'audit-office');

  for (const file of files.filter((f) => f.startsWith('0010'))) await run(file);

  const rows = await sql<{ role: string; person_id: string; department_codes: string[] }>(
    'SELECT role, person_id, department_codes FROM api_tokens ORDER BY created_at',
  );
  expect(rows).toEqual([
    { role: 'BUDGET_OFFICER', person_id: '张会计', department_codes: [] },
    { role: 'FINANCE_REVIEWER', person_id: '张会计', department_codes: [] },
    { role: 'AUDITOR', person_id: 'audit-office', department_codes: [] },
  ]);
  await token('AUDITOR', 'audit-019', [], ['019']);
  await expect(token('BUDGET_OFFICER', 'x', ['019001'], ['019'])).rejects.toThrow(
    /api_tokens_scope_by_role/,
  );
  await expect(token('ADMIN', 'y', [], ['019'])).rejects.toThrow(/api_tokens_scope_by_role/);
  await expect(token('FINANCE_REVIEWER', 'z', ['019001'], [])).rejects.toThrow(
    /api_tokens_scope_by_role/,
  );
  await expect(
    sql(
      `INSERT INTO api_tokens (id, token_hash, role, label) VALUES (gen_random_uuid(), decode(md5(random()::text), 'hex'), 'AUDITOR', 'nobody')`,
    ),
  ).rejects.toThrow(/person_id/);
});
