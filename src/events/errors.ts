import { LedgerError } from '../domain/errors';
import type { ExpectedVersion } from './types';

export class ConcurrencyError extends LedgerError {
  readonly code = 'CONCURRENCY_CONFLICT' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actualVersion: bigint,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, expected ${String(expected)}`, {
      streamId,
      expected: String(expected),
      actualVersion: actualVersion.toString(),
    });
  }
}

/** An event id that is already in the log with another payload (or in another append). */
export class EventIdConflictError extends LedgerError {
  readonly code = 'IDEMPOTENCY_MISMATCH' as const;
  constructor(
    readonly eventId: string,
    message: string,
  ) {
    super(message, { eventId });
  }
}
