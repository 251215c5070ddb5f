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
  /** Backoff of the LISTEN connection's reconnects: first delay, doubled up to the cap (ms). */
  reconnectMs?: { first: number; max: number };
}

/** The LISTEN connection's state, for health checks and tests. */
export interface ListenerStatus {
  /** LISTEN is in place: notifications arrive (otherwise only the poll finds new events). */
  listening: boolean;
  /** Times the connection was lost and LISTEN restored on a new one. */
  reconnects: number;
}

export interface Subscription {
  /** The position of the last event handed to the handler. */
  readonly checkpoint: bigint;
  readonly listener: ListenerStatus;
  /** Resolves once the subscriber has caught up with everything visible at call time. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

/** The LISTEN connection's application_name (pg_stat_activity). */
export const LISTENER_NAME = 'budget-ledger-listen';

/**
 * LISTEN to wake, then catch up from the checkpoint with the store's ordered read. Events reach
 * the handler one at a time, in log order, each exactly once per subscription; the handler's
 * promise is awaited before the next, so a handler that persists its own checkpoint can resume
 * after a restart by passing it back as `after`. A LISTEN connection that dies (a database
 * restart, an administrator's pg_terminate_backend) is replaced with backoff; until then the poll
 * keeps events coming, only later.
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

  const backoff = opts.reconnectMs ?? { first: 100, max: 5_000 };
  const listener: ListenerStatus = { listening: false, reconnects: 0 };
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  /**
   * A connection that LISTENs. Once it does, losing it starts the reconnects; failing before
   * that rejects (the caller retries, or subscribe fails).
   */
  async function listen(): Promise<void> {
    const c = new pg.Client({ connectionString: listenUrl, application_name: LISTENER_NAME });
    let lost = false;
    const onLost = (err?: unknown) => {
      if (lost) return;
      lost = true;
      if (err) opts.onError?.(err);
      if (client !== c) return;
      client = null;
      listener.listening = false;
      c.end().catch(() => undefined);
      if (!closed) reconnect(backoff.first);
    };
    c.on('error', onLost);
    c.on('end', () => onLost());
    c.on('notification', () => void wake());
    try {
      await c.connect();
      await c.query(`LISTEN ${LEDGER_CHANNEL}`);
      if (lost) throw new Error('the LISTEN connection was lost as it started');
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    listener.listening = true;
  }

  function reconnect(delay: number): void {
    retry = setTimeout(() => {
      retry = null;
      listen().then(
        () => {
          if (closed) return;
          listener.reconnects++;
          // What was appended while nobody listened is read now, not at the next poll.
          void wake();
        },
        (err) => {
          opts.onError?.(err);
          if (!closed) reconnect(Math.min(delay * 2, backoff.max));
        },
      );
    }, delay);
    retry.unref();
  }

  await listen();

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

  const timer = setInterval(() => void wake(), opts.pollIntervalMs ?? 1000);
  timer.unref();
  void wake();

  return {
    get checkpoint() {
      return checkpoint;
    },
    get listener() {
      return { ...listener };
    },
    async caughtUp() {
      // A wake that starts after the call reads everything visible at the call.
      await running;
      await wake();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      if (retry) clearTimeout(retry);
      await running;
      await client?.end().catch(() => undefined);
    },
  };
}
