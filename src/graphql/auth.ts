import type pg from 'pg';
import { registerEnumType, type AuthChecker } from 'type-graphql';
import { LedgerError } from '../domain/errors';
import { findAccessToken, type TokenScope } from '../events/access-tokens';
import type { GraphQLContext } from './context';

/**
 * Who may do what (docs/access.md): ADMIN everything; BUDGET_OFFICER submits for, and reads the
 * unpublished data of, its own units; FINANCE_REVIEWER approves and rejects; AUDITOR reads, audit
 * queries included — each of those two over the whole ledger or the departments its token names;
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

export interface Viewer extends TokenScope {
  role: Role;
  /** The person holding the token (null for PUBLIC): who submitted, approved or rejected. */
  person: string | null;
  /** Recorded as the actor of every event the caller causes (role:label of the token). */
  actor: string;
}

export const PUBLIC_VIEWER: Viewer = {
  role: Role.PUBLIC,
  unitCodes: [],
  departmentCodes: [],
  person: null,
  actor: 'public',
};

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
    departmentCodes: token.departmentCodes,
    person: token.person,
    actor: `${token.role.toLowerCase()}:${token.label}`,
  };
}

/** The person behind the caller's token: who submits, approves or rejects. */
export function personOf(viewer: Viewer): string {
  if (viewer.person === null) throw new UnauthenticatedError();
  return viewer.person;
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

/** A BUDGET_OFFICER acts only for its own units; ADMIN for all (write checks: see scope.ts). */
export function assertActsFor(viewer: Viewer, unitCode: string): void {
  if (viewer.role === Role.ADMIN) return;
  if (viewer.role === Role.BUDGET_OFFICER && viewer.unitCodes.includes(unitCode)) return;
  throw new ForbiddenError(`${viewer.role} may not act for unit ${unitCode}`, { unitCode });
}
