/**
 * The LISTEN connection dies (an administrator's pg_terminate_backend, a database restart): the
 * subscription opens another with backoff and LISTENs again, so new events keep arriving by
 * notification, not only by the safety poll. The poll here is an hour: whatever arrives came by
 * notification or by the catch-up read that follows a reconnect.
 */
import { randomUUID } from 'node:crypto';
import { LISTENER_NAME, subscribe, type Subscription } from '../../src/events/subscribe';
import { LedgerEventsHub } from '../../src/graphql/events-hub';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();
const HOUR = 3_600_000;

async function until(what: string, ok: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Terminates this database's LISTEN connections; how many there were. */
async function terminateListeners(): Promise<number> {
  const r = await ledger.db.ownerPool.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = $1 AND datname = current_database()`,
    [LISTENER_NAME],
  );
  return r.rowCount ?? 0;
}

describe('given a subscription whose LISTEN connection is terminated', () => {
  let sub: Subscription;
  const seen: string[] = [];
  afterAll(() => sub?.close());

  test('then it reconnects, and events appended during and after the outage arrive', async () => {
    sub = await subscribe(ledger.store, ledger.db.serviceUrl, (e) => void seen.push(e.streamId), {
      pollIntervalMs: HOUR,
      reconnectMs: { first: 200, max: 1_000 },
    });
    await sub.caughtUp();
    expect(sub.listener).toEqual({ listening: true, reconnects: 0 });

    expect(await terminateListeners()).toBe(1);
    await until(
      'the loss is noticed',
      () => !sub.listener.listening || sub.listener.reconnects > 0,
    );
    const during = `during-${randomUUID()}`;
    await ledger.store.append(during, [{ type: 'Noted', data: {} }]);
    await until('the listener is back', () => sub.listener.listening);
    expect(sub.listener.reconnects).toBe(1);
    await until('the event appended during the outage arrives', () => seen.includes(during));

    const after = `after-${randomUUID()}`;
    await ledger.store.append(after, [{ type: 'Noted', data: {} }]);
    await until('the event appended after the reconnect arrives', () => seen.includes(after));
    expect(sub.listener).toEqual({ listening: true, reconnects: 1 });
  });
});

test('the GraphQL events hub reports its listener, reconnected after a termination', async () => {
  const hub = new LedgerEventsHub(ledger.store, ledger.db.serviceUrl);
  await hub.start();
  try {
    expect(hub.listener).toEqual({ listening: true, reconnects: 0 });
    expect(await terminateListeners()).toBe(1);
    await until('the hub listens again', () => hub.listener.reconnects === 1);
    expect(hub.listener.listening).toBe(true);
  } finally {
    await hub.close();
  }
});
