import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { lineId, type BudgetLineKey } from '../../src/domain';
import { withDatabase } from '../../src/events/database';
import { MIGRATIONS_DIR } from '../../src/events/migrate';
import { ENV_ADMIN_URL, ENV_RUN_ID } from '../support/env';

/**
 * Migration 0006 on a ledger that already holds events: written at schema version 1 by the
 * migrations before it, small and large, they must read back through the new postings view
 * exactly as the old postings table held them.
 */
const adminUrl = process.env[ENV_ADMIN_URL]!;
const name = `t_m6_${randomBytes(3).toString('hex')}_${process.env[ENV_RUN_ID]}`;
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

const key = (i: number, projectCode: string | null): BudgetLineKey => ({
  unitCode: 'OLD',
  fiscalYear: 2024,
  fundSource: 'general-public',
  functionalCode: String(2010101 + i),
  kind: projectCode ? 'project' : 'public',
  deptEconCode: '30201',
  govEconCode: '50201',
  projectCode,
  origin: 'current',
});
const v1Lines = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const line = key(i, i % 3 === 0 ? `项目 ${i}%` : null);
    return { lineId: lineId(line), line, delta: `${i + 1}.10` };
  });

test('given events written before 0006, small and large, the postings view reads exactly what the old table held', async () => {
  // The migration files as node-pg-migrate runs them (each is plain SQL), up to 0005.
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const run = async (file: string) => sql(fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'));
  for (const file of files.filter((f) => f < '0006')) await run(file);
  const append = (version: number, n: number) =>
    sql(
      `SELECT ledger_append('budget-OLD-2024', 'any', NULL, ARRAY[gen_random_uuid()], ARRAY['InitialBudgetAllocated'], ARRAY[1],
                              ARRAY[$1::jsonb], ARRAY['{}'::jsonb], ARRAY['2024-01-0${version}'::date], false)`,
      [
        JSON.stringify({
          allocationId: `a${version}`,
          allocatedAt: '2024-01-01',
          documentNumber: null,
          lines: v1Lines(n),
        }),
      ],
    );
  await append(1, 3);
  await append(2, 150);
  const columns = `global_position, ordinal, transaction_id::text, stream_id, event_type, recorded_at, effective_date, line_id, unit_code,
                   fiscal_year, fund_source, functional_code, kind, dept_econ_code, gov_econ_code, project_code, origin, delta::text`;
  const before = await sql(`SELECT ${columns} FROM postings ORDER BY global_position, ordinal`);
  expect(before).toHaveLength(153);

  await run('0006_posting-sets.sql');
  expect(await sql(`SELECT ${columns} FROM postings ORDER BY global_position, ordinal`)).toEqual(
    before,
  );
  expect(
    await sql(
      `SELECT (SELECT count(*)::int FROM line_postings) AS line_rows, (SELECT count(*)::int FROM posting_sets) AS sets`,
    ),
  ).toEqual([{ line_rows: 3, sets: 1 }]);
});
