/**
 * Every failure a user can cause is a value with a code from one closed vocabulary. The GraphQL
 * layer maps these codes to `extensions.code` in one place; the CLI prints them. Pure: no I/O.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONCURRENCY_CONFLICT',
  'POLICY_VIOLATION',
  'IDEMPOTENCY_MISMATCH',
  // Automatic persisted queries' protocol codes: a client sends the full query on NOT_FOUND.
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // The database is down or restarting (HTTP 503): retry shortly.
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export abstract class LedgerError extends Error {
  abstract readonly code: ErrorCode;
  /** Machine-readable facts about the failure (rule id, offending line, actual version …). */
  readonly details: Readonly<Record<string, unknown>>;

  protected constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class BadInputError extends LedgerError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

export class NotFoundError extends LedgerError {
  readonly code = 'NOT_FOUND' as const;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}
