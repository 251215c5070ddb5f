import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { APP_ROLE } from '../../src/events/database';
import { assertRestricted } from '../../src/events/service-role';
import { PROJECT_ROOT } from '../../src/paths';
import { useLedgerDatabase } from '../support/db';

/**
 * docs/security.md, row by row: every capability it lists is run against the real server, as the
 * service's login role (budget_ledger_app, with its own credentials) or as the owner, in a
 * transaction rolled back afterwards. The rows are read from the document itself, so the document
 * and this test cannot drift apart.
 */
interface Row {
  section: string;
  as: 'service' | 'owner';
  capability: string;
  statements: string[];
  expect: { allowed: true } | { allowed: false; code: string };
}

/** The capability tables of docs/security.md: `| capability | `statement` | allowed|refused X |`. */
function capabilityRows(markdown: string): Row[] {
  const rows: Row[] = [];
  let section = '';
  for (const line of markdown.split('\n')) {
    if (line.startsWith('### ')) section = line.slice(4).trim();
    if (!section || !line.startsWith('| ') || /^\|\s*(capability|---)/.test(line)) continue;
    // Cells are split on unescaped pipes; `\|` inside a statement is a pipe of the SQL.
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
    const [capability, statement, answer] = cells as [string, string, string];
    const sql = /^`(.*)`$/.exec(statement)?.[1];
    const outcome = /^(allowed|refused ([0-9A-Z]{5}))$/.exec(answer);
    if (cells.length !== 3 || !sql || !outcome)
      throw new Error(`docs/security.md: a capability row this test cannot read: ${line}`);
    rows.push({
      section,
      as: /service role/.test(section) ? 'service' : 'owner',
      capability,
      statements: sql.split(/;\s+/),
      expect: outcome[1] === 'allowed' ? { allowed: true } : { allowed: false, code: outcome[2]! },
    });
  }
  return rows;
}

const ROWS = capabilityRows(
  fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'security.md'), 'utf8'),
);
// PostgreSQL refuses these inside a transaction block before it checks any privilege.
const OUTSIDE_TRANSACTION = /^(CREATE DATABASE|ALTER SYSTEM)/;

let service: pg.Client;
let owner: pg.Client;
let ownerName: string;
let otherRoles: string[];
// Declared before the database fixture, whose own afterAll drops the database: hooks run in order.
afterAll(async () => {
  await Promise.all([service?.end(), owner?.end()]);
});
const ledger = useLedgerDatabase();

beforeAll(async () => {
  // Row triggers fire on a log with events in it.
  await ledger.store.append('security-seed', [{ type: 'SecuritySeeded', data: {} }]);
  service = new pg.Client({ connectionString: ledger.db.serviceUrl });
  owner = new pg.Client({ connectionString: ledger.db.url });
  await Promise.all([service.connect(), owner.connect()]);
  ownerName = (
    await owner.query(
      'SELECT pg_get_userbyid(datdba) AS name FROM pg_database WHERE datname = current_database()',
    )
  ).rows[0].name;
  otherRoles = (
    await owner.query<{ rolname: string }>(
      'SELECT rolname FROM pg_roles WHERE rolname <> $1 ORDER BY rolname',
      [APP_ROLE],
    )
  ).rows.map((r) => r.rolname);
});

/** Runs the statements in a rolled-back transaction; the error, or the rows of the last. */
async function attempt(
  client: pg.Client,
  statements: string[],
): Promise<{ error: { code?: string; message: string } | null; rows: Record<string, unknown>[] }> {
  const alone = statements.length === 1 && OUTSIDE_TRANSACTION.test(statements[0]!);
  if (!alone) await client.query('BEGIN');
  try {
    let rows: Record<string, unknown>[] = [];
    for (const s of statements) rows = (await client.query(s)).rows;
    return { error: null, rows };
  } catch (err) {
    return { error: err as { code?: string; message: string }, rows: [] };
  } finally {
    if (!alone) await client.query('ROLLBACK');
  }
}

function expectOutcome(row: Row, r: Awaited<ReturnType<typeof attempt>>, statement: string): void {
  const seen = r.error ? `refused ${r.error.code}: ${r.error.message}` : 'allowed';
  const wanted = row.expect.allowed ? 'allowed' : `refused ${row.expect.code}`;
  expect({ statement, outcome: seen.slice(0, wanted.length) }).toEqual({
    statement,
    outcome: wanted,
  });
  if (row.expect.allowed && r.rows.length && 'holds' in r.rows[0]!)
    expect({ statement, holds: r.rows.map((x) => x.holds) }).toEqual({
      statement,
      holds: r.rows.map(() => true),
    });
}

test('docs/security.md lists the capabilities of both roles, every row readable', () => {
  expect(ROWS.filter((r) => r.as === 'service' && r.expect.allowed).length).toBeGreaterThan(5);
  expect(ROWS.filter((r) => r.as === 'service' && !r.expect.allowed).length).toBeGreaterThan(20);
  expect(ROWS.filter((r) => r.as === 'owner').length).toBeGreaterThan(3);
});

test('the service logs in as budget_ledger_app itself: no privileged attribute, a member of no role', async () => {
  const { rows } = await service.query(
    `SELECT session_user AS session, current_user AS current, r.rolcanlogin, r.rolinherit,
            r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls
              AS privileged,
            (SELECT count(*)::int FROM pg_auth_members m WHERE m.member = r.oid) AS memberships
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  expect(rows[0]).toEqual({
    session: APP_ROLE,
    current: APP_ROLE,
    rolcanlogin: true,
    rolinherit: false,
    privileged: false,
    memberships: 0,
  });
});

test('the service refuses to start on a login that could do more: the owner, say', async () => {
  await expect(assertRestricted(ledger.db.appPool)).resolves.toBeUndefined();
  await expect(assertRestricted(ledger.db.ownerPool)).rejects.toThrow(
    /logs in as .*, which holds a privileged attribute: it must log in as the restricted role budget_ledger_app/,
  );
});

describe.each(['service', 'owner'] as const)('as the %s', (as) => {
  const rows = ROWS.filter((r) => r.as === as);
  test.each(rows.map((r) => [`${r.section}: ${r.capability}`, r] as const))(
    '%s',
    async (_, row) => {
      const client = as === 'service' ? service : owner;
      const expansions = row.statements.some((s) => s.includes('<each other role>'))
        ? otherRoles.map((role) => pg.escapeIdentifier(role))
        : [null];
      expect(expansions.length).toBeGreaterThan(0);
      for (const role of expansions) {
        const statements = row.statements.map((s) =>
          s
            .replace('<each other role>', role ?? '')
            .replace('<owner>', pg.escapeIdentifier(ownerName)),
        );
        expectOutcome(row, await attempt(client, statements), statements.join('; '));
      }
    },
  );
});
