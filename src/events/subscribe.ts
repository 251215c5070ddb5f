import pg from 'pg';
import type { EventStore } from './event-store';
import { LEDGER_CHANNEL } from './notify';
import type { RecordedEvent } from './types';

export interface SubscribeOptions {
  /** Deliver events after this checkpoint (a global position; 0 = from the start). */
  after?: bigint;
  batchSize?: number;
  /**
   * Safety poll. NOTIFY only says "something was appended"; an event can become readable without
   * one (an unrelated long transaction ends and the xmin horizon moves), so we also look every
   * so often.
   */
  pollIntervalMs?: number;
  onError?: (err: unknown) => void;
}

export interface Subscription {
  /** The position of the last event handed to the handler. */
  readonly checkpoint: bigint;
  /** Resolves once the subscriber has caught up with everything visible at call time. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * LISTEN to wake, then catch up from the checkpoint with the store's ordered read. Events reach
 * the handler one at a time, in log order, each exactly once per subscription; the handler's
 * promise is awaited before the next, so a handler that persists its own checkpoint can resume
 * after a restart by passing it back as `after`.
 */
export async function subscribe(
  store: EventStore,
  listenUrl: string,
  handler: (event: RecordedEvent) => Promise<void> | void,
  opts: SubscribeOptions = {},
): Promise<Subscription> {
  const batchSize = opts.batchSize ?? 500;
  let checkpoint = opts.after ?? 0n;
  let closed = false;
  let running: Promise<void> | null = null;
  let wanted = false;

  const client = new pg.Client({ connectionString: listenUrl });
  client.on('error', (err) => opts.onError?.(err));
  await client.connect();
  await client.query(`LISTEN ${LEDGER_CHANNEL}`);

  async function catchUp(): Promise<void> {
    do {
      wanted = false;
      for (;;) {
        const batch = await store.readAllBatch(checkpoint, batchSize);
        for (const event of batch.events) {
          if (closed) return;
          await handler(event);
          checkpoint = event.globalPosition;
        }
        if (batch.events.length < batchSize) break;
      }
    } while (wanted && !closed);
  }

  function wake(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      wanted = true;
      return running;
    }
    running = catchUp()
      .catch((err) => opts.onError?.(err))
      .finally(() => {
        running = null;
      });
    return running;
  }

  client.on('notification', () => void wake());
  const timer = setInterval(() => void wake(), opts.pollIntervalMs ?? 1000);
  timer.unref();
  void wake();

  return {
    get checkpoint() {
      return checkpoint;
    },
    async caughtUp() {
      // A wake that starts after the call reads everything visible at the call.
      await running;
      await wake();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
      await client.end().catch(() => undefined);
    },
  };
}
