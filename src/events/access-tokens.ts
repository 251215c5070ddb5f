import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

/** The roles of the API (PUBLIC is the absence of a token). */
export const ROLES = ['ADMIN', 'BUDGET_OFFICER', 'FINANCE_REVIEWER', 'AUDITOR'] as const;
export type TokenRole = (typeof ROLES)[number];

export interface AccessToken {
  id: string;
  role: TokenRole;
  unitCodes: string[];
  label: string;
  /** After this instant the token is refused, like a revoked one; null: it does not expire. */
  expiresAt: Date | null;
}

const PREFIX = 'blt_';
const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** Creates a token; the plain token is returned once and never stored. */
export async function createAccessToken(
  pool: pg.Pool,
  role: TokenRole,
  unitCodes: string[],
  label: string,
  expiresAt: Date | null = null,
): Promise<{ token: string; id: string }> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  const id = randomUUID();
  await pool.query(
    `INSERT INTO api_tokens (id, token_hash, role, unit_codes, label, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [id, hash(token), role, unitCodes, label, expiresAt],
  );
  return { token, id };
}

/** The token's grant, or null when unknown, revoked or expired (the database's clock decides). */
export async function findAccessToken(pool: pg.Pool, token: string): Promise<AccessToken | null> {
  if (!token.startsWith(PREFIX)) return null;
  const { rows } = await pool.query(
    `SELECT id, role, unit_codes, label, expires_at FROM api_tokens
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
