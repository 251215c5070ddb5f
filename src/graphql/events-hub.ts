import { EventEmitter, on } from 'node:events';
import type { EventStore } from '../events/event-store';
import { subscribe, type ListenerStatus, type Subscription } from '../events/subscribe';
import type { RecordedEvent } from '../events/types';

/**
 * One LISTEN connection per server for all GraphQL subscriptions, used only to learn that the
 * log grew. Each GraphQL subscription reads the log itself from its own checkpoint (the `after`
 * position a client passes back after a reconnect or a server restart), so delivery never
 * depends on what this process remembers.
 */
export class LedgerEventsHub {
  private readonly wakes = new EventEmitter();
  private sub: Subscription | null = null;
  private wakePending = false;

  constructor(
    private readonly store: EventStore,
    private readonly listenUrl: string,
    /**
     * Sees every new event once, in log order (the service keeps its adopted codes current with
     * it).
     */
    private readonly onEvent: (event: RecordedEvent) => void = () => undefined,
  ) {
    this.wakes.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const head = await this.store.settledPosition();
    this.sub = await subscribe(
      this.store,
      this.listenUrl,
      (event) => {
        this.onEvent(event);
        this.wake();
      },
      { after: head, pollIntervalMs: 500 },
    );
  }

  /** The LISTEN connection: in place, and how often it was restored (it reconnects by itself). */
  get listener(): ListenerStatus {
    return this.sub?.listener ?? { listening: false, reconnects: 0 };
  }

  /** Coalesces a burst of new events into one wake-up per tick. */
  private wake(): void {
    if (this.wakePending) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      this.wakes.emit('wake');
    });
  }

  /**
   * Every event after `after`, in log order, until the consumer stops iterating or `signal` aborts.
   */
  async *events(after: bigint, signal?: AbortSignal): AsyncGenerator<RecordedEvent> {
    let checkpoint = after;
    // Listen before the first read, so an append between the read and the wait is not missed.
    const wakes = on(this.wakes, 'wake', { signal });
    try {
      for (;;) {
        for (;;) {
          const batch = await this.store.readAllBatch(checkpoint, 200);
          for (const e of batch.events) {
            checkpoint = e.globalPosition;
            yield e;
          }
          if (batch.events.length < 200) break;
        }
        if ((await wakes.next()).done) return;
      }
    } catch (err) {
      if ((err as { name?: string }).name === 'AbortError') return;
      throw err;
    } finally {
      await wakes.return?.();
    }
  }

  async close(): Promise<void> {
    await this.sub?.close();
    this.wakes.removeAllListeners();
  }
}
