import { setTimeout as sleep } from 'node:timers/promises';
import { ruleError } from '../../domain';
import { LedgerError } from '../../domain/errors';
import type { EventStore } from '../../events/event-store';

/** The log is not yet settled up to a stream's last event: a retry shortly after will do. */
export class NotSettledError extends LedgerError {
  readonly code = 'CONCURRENCY_CONFLICT' as const;
  constructor(streamId: string) {
    super(
      `the log is not yet settled up to the last event of ${streamId} (a transaction is still running); retry`,
      { streamId, reason: 'not-settled' },
    );
  }
}

/**
 * The settled position a publication records, once it covers the unit-year's own last event.
 * The settled prefix ends below the oldest transaction still running anywhere on the PostgreSQL
 * server (pg_snapshot_xmin is cluster-wide), so right after a write, or while another database's
 * transaction is open, it can lag behind the stream. A publication taken then would certify a
 * disclosure that leaves out the unit's latest changes: wait briefly for it instead.
 */
export async function settledPositionCovering(
  store: EventStore,
  streamId: string,
  timeoutMs = 5_000,
): Promise<bigint> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [position, version] = await Promise.all([
      store.settledPosition(),
      store.streamVersion(streamId),
    ]);
    if (version === 0n) throw ruleError('year.not-open', 'open the fiscal year first');
    if (
      position > 0n &&
      (await store.readStream(streamId, { fromVersion: version, upToPosition: position })).length >
        0
    )
      return position;
    if (Date.now() > deadline) throw new NotSettledError(streamId);
    await sleep(50);
  }
}
