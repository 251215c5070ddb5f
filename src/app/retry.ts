import { ConcurrencyError } from '../events/errors';

/**
 * Runs `attempt` (read the stream, decide, append at the version read) until it ends without a
 * ConcurrencyError, at most `attempts` times. Another writer appended between the read and the
 * append: deciding again on the new state re-checks every rule, so nothing is lost or let through.
 * Any other error, or a conflict on the last attempt, is thrown.
 */
export async function decideAgainOnConflict<T>(
  attempts: number,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ConcurrencyError) || n >= attempts) throw err;
    }
  }
}
