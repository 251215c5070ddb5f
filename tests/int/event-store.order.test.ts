import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { subscribe } from '../../src/events/subscribe';
import type { RecordedEvent } from '../../src/events/types';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();

/** A writer that appends inside a transaction it keeps open until told to commit. */
async function openWriter(
  stream: string,
  label: string,
): Promise<{ position: bigint; commit(): Promise<void> }> {
  const client = new pg.Client({ connectionString: ledger.db.serviceUrl });
  await client.connect();
  await client.query('BEGIN');
  const { rows } = await client.query(
    `SELECT global_position FROM ledger_append($1, 'any', NULL, ARRAY[$2::uuid], ARRAY['Held'], ARRAY[1],
       ARRAY[$3::jsonb], ARRAY['{}'::jsonb], ARRAY[NULL::date])`,
    [stream, randomUUID(), JSON.stringify({ label })],
  );
  return {
    position: BigInt(rows[0].global_position),
    async commit() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

async function readEverything(after = 0n): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of ledger.store.readAll(after, 7)) out.push(e);
  return out;
}

describe('global order under out-of-order commits', () => {
  test('a catch-up reader never skips a slow transaction and sees each event once, in one stable order', async () => {
    const seen: RecordedEvent[] = [];
    const labelsOf = (events: RecordedEvent[]) => events.map((e) => String(e.data.label));
    const sub = await subscribe(ledger.store, ledger.db.url, (e) => void seen.push(e), {
      pollIntervalMs: 20,
      batchSize: 3,
    });
    try {
      await ledger.store.append(`s-${randomUUID()}`, [
        { type: 'Before', data: { label: 'before' } },
      ]);

      // Three writers take positions p1 < p2 < p3 and hold their transactions open …
      const held = [];
      for (const label of ['slow-1', 'slow-2', 'slow-3'])
        held.push(await openWriter(`s-${randomUUID()}`, label));
      expect(held[0].position < held[1].position && held[1].position < held[2].position).toBe(true);

      // … while other writers commit later positions; the reader is polling all along.
      for (let i = 0; i < 5; i++)
        await ledger.store.append(`s-${randomUUID()}`, [
          { type: 'Fast', data: { label: `fast-${i}` } },
        ]);
      await sub.caughtUp();
      // Nothing committed after the oldest open transaction may be delivered yet: delivering
      // fast-* now would move the checkpoint past slow-1's position.
      expect(labelsOf(seen)).toEqual(['before']);

      // Commit in reverse order of position.
      for (const w of [...held].reverse()) {
        await w.commit();
        await new Promise((r) => setTimeout(r, 60));
      }
      for (let i = 5; i < 8; i++)
        await ledger.store.append(`s-${randomUUID()}`, [
          { type: 'Fast', data: { label: `fast-${i}` } },
        ]);
      await waitFor(() => seen.length === 12);
      await sub.caughtUp();

      const labels = labelsOf(seen);
      expect(labels).toHaveLength(12);
      expect(new Set(labels).size).toBe(12);
      expect(new Set(labels)).toEqual(
        new Set([
          'before',
          'slow-1',
          'slow-2',
          'slow-3',
          ...Array.from({ length: 8 }, (_, i) => `fast-${i}`),
        ]),
      );
      // One stable order: a fresh reader from the start sees exactly the live subscriber's
      // sequence.
      expect(labelsOf(await readEverything())).toEqual(labels);
      // And resuming from any checkpoint continues that same sequence.
      const mid = seen[5].globalPosition;
      expect(labelsOf(await readEverything(mid))).toEqual(labels.slice(6));
    } finally {
      await sub.close();
    }
  });

  test('the poll query is served by the (transaction_id, global_position) index', async () => {
    // Enough rows that a sequential scan is not the obvious plan.
    for (let i = 0; i < 20; i++) {
      await ledger.store.append(
        `idx-${i}`,
        Array.from({ length: 50 }, (_, k) => ({ type: 'Filler', data: { k } })),
      );
    }
    await ledger.db.ownerPool.query('ANALYZE events');
    const { rows } = await ledger.db.ownerPool.query(
      `EXPLAIN SELECT * FROM events e
        WHERE (e.transaction_id, e.global_position) > ('0'::xid8, 0::bigint)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.global_position LIMIT 100`,
    );
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/Index Scan using events_log_order/);
  });

  test('a subscriber resumes from a checkpoint after a restart, without repeats', async () => {
    const s = `resume-${randomUUID()}`;
    const first: RecordedEvent[] = [];
    const sub1 = await subscribe(ledger.store, ledger.db.url, (e) => void first.push(e), {
      pollIntervalMs: 20,
    });
    await ledger.store.append(s, [{ type: 'A', data: { n: 1 } }]);
    await waitFor(() => first.some((e) => e.streamId === s));
    await sub1.caughtUp();
    const checkpoint = sub1.checkpoint;
    await sub1.close();

    await ledger.store.append(s, [{ type: 'A', data: { n: 2 } }]);
    const second: RecordedEvent[] = [];
    const sub2 = await subscribe(ledger.store, ledger.db.url, (e) => void second.push(e), {
      after: checkpoint,
      pollIntervalMs: 20,
    });
    await waitFor(() => second.some((e) => e.streamId === s));
    await sub2.close();
    expect(second.filter((e) => e.streamId === s).map((e) => e.data.n)).toEqual([2]);
  });

  test('NOTIFY wakes a subscriber well before its safety poll', async () => {
    const got: RecordedEvent[] = [];
    const sub = await subscribe(ledger.store, ledger.db.url, (e) => void got.push(e), {
      pollIntervalMs: 60_000,
    });
    await sub.caughtUp();
    const s = `notify-${randomUUID()}`;
    await ledger.store.append(s, [{ type: 'A', data: {} }]);
    await waitFor(() => got.some((e) => e.streamId === s), 5000);
    await sub.close();
  });
});

describe('readStream', () => {
  test('version ranges, a global position bound and a recorded-time bound', async () => {
    const s = `read-${randomUUID()}`;
    const a = await ledger.store.append(
      s,
      [1, 2, 3].map((n) => ({ type: 'N', data: { n } })),
    );
    await new Promise((r) => setTimeout(r, 20));
    const cut = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await ledger.store.append(
      s,
      [4, 5].map((n) => ({ type: 'N', data: { n } })),
    );
    const ns = (es: RecordedEvent[]) => es.map((e) => e.data.n);
    expect(ns(await ledger.store.readStream(s))).toEqual([1, 2, 3, 4, 5]);
    expect(ns(await ledger.store.readStream(s, { fromVersion: 2n, toVersion: 4n }))).toEqual([
      2, 3, 4,
    ]);
    expect(
      ns(await ledger.store.readStream(s, { upToPosition: a.events[1].globalPosition })),
    ).toEqual([1, 2]);
    expect(ns(await ledger.store.readStream(s, { recordedAtOrBefore: cut }))).toEqual([1, 2, 3]);
    expect(await ledger.store.readStream(`missing-${randomUUID()}`)).toEqual([]);
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
