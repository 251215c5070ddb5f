import { useMigrationDatabase } from '../support/migration-db';

/**
 * Migration 0010 on a ledger whose tokens were made before persons existed: each keeps working,
 * as the person its label named; the roles' limits hold for tokens made from then on.
 */
const { sql, runMigrations } = useMigrationDatabase('t_m10');

const token = (role: string, label: string, units: string[] = [], departments?: string[]) =>
  sql(
    `INSERT INTO api_tokens (id, token_hash, role, unit_codes, label${departments ? ', department_codes, person_id' : ''})
     VALUES (gen_random_uuid(), decode(md5(random()::text), 'hex'), $1, $2, $3${departments ? ', $4, $3' : ''})`,
    departments ? [role, units, label, departments] : [role, units, label],
  );

test('given tokens made before 0010, each becomes the person of its label; new tokens keep to their role', async () => {
  await runMigrations((f) => f < '0010');
  await token('BUDGET_OFFICER', '张会计', ['019001']);
  await token('FINANCE_REVIEWER', '张会计');
  await token('AUDITOR', 'audit-office');

  await runMigrations((f) => f.startsWith('0010'));

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
