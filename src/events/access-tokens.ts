import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

/** The roles of the API (PUBLIC is the absence of a token). */
export const ROLES = ['ADMIN', 'BUDGET_OFFICER', 'FINANCE_REVIEWER', 'AUDITOR'] as const;
export type TokenRole = (typeof ROLES)[number];

/** What a token may reach (docs/access.md): officers their units, others departments or all. */
export interface TokenScope {
  /** Units a BUDGET_OFFICER acts for; empty for other roles. */
  unitCodes: string[];
  /** Departments a FINANCE_REVIEWER or AUDITOR is limited to; empty: the whole ledger. */
  departmentCodes: string[];
}

export interface AccessToken extends TokenScope {
  id: string;
  role: TokenRole;
  /** The person holding it: separation of duties compares persons, whatever token they use. */
  person: string;
  label: string;
  /** After this instant the token is refused, like a revoked one; null: it does not expire. */
  expiresAt: Date | null;
}

export interface NewAccessToken {
  role: TokenRole;
  person: string;
  label: string;
  unitCodes?: string[];
  departmentCodes?: string[];
  expiresAt?: Date | null;
}

/**
 * A person id: no whitespace and no ":", so it can never be read as a "<role>:<label>" name
 * recorded before persons existed (src/domain/policy/engine.ts, personNamed).
 */
const PERSON = /^[^\s:]{1,64}$/u;

/**
 * Why a token may not be made so, or null (docs/access.md): officers act for units and are a
 * person; reviewers are a person and may be limited to departments; auditors may be limited to
 * departments; ADMIN is limited by nothing.
 */
export function grantProblem(t: NewAccessToken): string | null {
  const units = t.unitCodes?.length ?? 0;
  const departments = t.departmentCodes?.length ?? 0;
  if (!PERSON.test(t.person)) return 'a person id is 1 to 64 characters without spaces or ":"';
  if (t.role === 'BUDGET_OFFICER' && units === 0)
    return 'a BUDGET_OFFICER token needs at least one unit';
  if (t.role !== 'BUDGET_OFFICER' && units > 0) return 'units apply to BUDGET_OFFICER tokens only';
  if ((t.role === 'BUDGET_OFFICER' || t.role === 'ADMIN') && departments > 0)
    return 'departments apply to FINANCE_REVIEWER and AUDITOR tokens only';
  return null;
}

const PREFIX = 'blt_';
const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** Creates a token; the plain token is returned once and never stored. */
export async function createAccessToken(
  pool: pg.Pool,
  t: NewAccessToken,
): Promise<{ token: string; id: string }> {
  const problem = grantProblem(t);
  if (problem) throw new RangeError(problem);
  const token = PREFIX + randomBytes(32).toString('base64url');
  const id = randomUUID();
  await pool.query(
    `INSERT INTO api_tokens
       (id, token_hash, role, unit_codes, department_codes, person_id, label, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      hash(token),
      t.role,
      t.unitCodes ?? [],
      t.departmentCodes ?? [],
      t.person,
      t.label,
      t.expiresAt ?? null,
    ],
  );
  return { token, id };
}

/** The token's grant, or null when unknown, revoked or expired (the database's clock decides). */
export async function findAccessToken(pool: pg.Pool, token: string): Promise<AccessToken | null> {
  if (!token.startsWith(PREFIX)) return null;
  const { rows } = await pool.query(
    `SELECT id, role, unit_codes, department_codes, person_id, label, expires_at FROM api_tokens
      WHERE token_hash = $1 AND revoked_at IS NULL
        AND (expires_at IS NULL OR expires_at > clock_timestamp())`,
    [hash(token)],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        role: r.role,
        unitCodes: r.unit_codes,
        departmentCodes: r.department_codes,
        person: r.person_id,
        label: r.label,
        expiresAt: r.expires_at ?? null,
      }
    : null;
}

export async function revokeAccessToken(pool: pg.Pool, id: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE api_tokens SET revoked_at = clock_timestamp() WHERE id = $1 AND revoked_at IS NULL',
    [id],
  );
  return (rowCount ?? 0) > 0;
}
