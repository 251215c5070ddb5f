import type pg from 'pg';
import { registerEnumType, type AuthChecker } from 'type-graphql';
import { LedgerError } from '../domain/errors';
import { findAccessToken } from '../events/access-tokens';
import type { GraphQLContext } from './context';

/**
 * Who may do what (README, "API"): ADMIN everything; BUDGET_OFFICER submits for its own units;
 * FINANCE_REVIEWER approves and rejects; AUDITOR reads everything, audit queries included;
 * PUBLIC (no token) reads published disclosures and classifications only.
 */
export enum Role {
  ADMIN = 'ADMIN',
  BUDGET_OFFICER = 'BUDGET_OFFICER',
  FINANCE_REVIEWER = 'FINANCE_REVIEWER',
  AUDITOR = 'AUDITOR',
  PUBLIC = 'PUBLIC',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'The role of the caller, from its API token (PUBLIC without one).',
});

export interface Viewer {
  role: Role;
  /** Units a BUDGET_OFFICER may act for; empty for other roles. */
  unitCodes: string[];
  /** Recorded as the actor of every event the caller causes. */
  actor: string;
}

export const PUBLIC_VIEWER: Viewer = { role: Role.PUBLIC, unitCodes: [], actor: 'public' };

export class UnauthenticatedError extends LedgerError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'a valid API token is required') {
    super(message);
  }
}

export class ForbiddenError extends LedgerError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** The caller behind `Authorization: Bearer <token>`; an unknown token is an error, not PUBLIC. */
export async function viewerFromHeader(
  pool: pg.Pool,
  authorization: string | undefined,
): Promise<Viewer> {
  if (!authorization) return PUBLIC_VIEWER;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
  const token = await findAccessToken(pool, match[1]);
  if (!token) throw new UnauthenticatedError('the API token is unknown or revoked');
  return {
    role: token.role as Role,
    unitCodes: token.unitCodes,
    actor: `${token.role.toLowerCase()}:${token.label}`,
  };
}

/** `@Authorized(Role.AUDITOR, …)`: ADMIN passes every check; no roles listed means "any token". */
export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  const { role } = context.viewer;
  if (role === Role.ADMIN) return true;
  // No token at all for something that needs one: say so, rather than "forbidden".
  if (role === Role.PUBLIC && !roles.includes(Role.PUBLIC)) throw new UnauthenticatedError();
  if (roles.length === 0) return role !== Role.PUBLIC;
  return roles.includes(role);
};

/** A BUDGET_OFFICER acts only for its own units; ADMIN for all. */
export function assertActsFor(viewer: Viewer, unitCode: string): void {
  if (viewer.role === Role.ADMIN) return;
  if (viewer.role === Role.BUDGET_OFFICER && viewer.unitCodes.includes(unitCode)) return;
  throw new ForbiddenError(`${viewer.role} may not act for unit ${unitCode}`, { unitCode });
}
