import { LedgerError } from '../domain/errors';

/** The same idempotency key was used before for a different command. */
export class IdempotencyMismatchError extends LedgerError {
  readonly code = 'IDEMPOTENCY_MISMATCH' as const;
  constructor(readonly idempotencyKey: string) {
    super(`idempotency key ${idempotencyKey} was already used for a different command`, {
      idempotencyKey,
    });
  }
}
