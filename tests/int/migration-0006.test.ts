import { lineId, type BudgetLineKey } from '../../src/domain';
import { useMigrationDatabase } from '../support/migration-db';

/**
 * Migration 0006 on a ledger that already holds events: written at schema version 1 by the
 * migrations before it, small and large, they must read back through the new postings view
 * exactly as the old postings table held them.
 */
const { sql, runMigrations } = useMigrationDatabase('t_m6');

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
  await runMigrations((f) => f < '0006');
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

  await runMigrations((f) => f.startsWith('0006'));
  expect(await sql(`SELECT ${columns} FROM postings ORDER BY global_position, ordinal`)).toEqual(
    before,
  );
  expect(
    await sql(
      `SELECT (SELECT count(*)::int FROM line_postings) AS line_rows, (SELECT count(*)::int FROM posting_sets) AS sets`,
    ),
  ).toEqual([{ line_rows: 3, sets: 1 }]);
});
