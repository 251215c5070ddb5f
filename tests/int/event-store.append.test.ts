import { randomUUID } from 'node:crypto';
import { ConcurrencyError, EventIdConflictError } from '../../src/events/errors';
import type { NewEvent } from '../../src/events/types';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();

const allocated = (amount: string): NewEvent => ({
  type: 'BudgetAllocated',
  data: { line: '2010301/30101', amount },
  metadata: { actor: 'officer-1', documentRef: '汾财预〔2024〕1号' },
  effectiveDate: '2024-01-01',
});

async function eventCount(): Promise<number> {
  const { rows } = await ledger.db.ownerPool.query('SELECT count(*)::int AS n FROM events');
  return rows[0].n;
}

async function expectConflict(p: Promise<unknown>, actual: bigint): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConcurrencyError);
  expect((err as ConcurrencyError).actualVersion).toBe(actual);
  expect((err as ConcurrencyError).code).toBe('CONCURRENCY_CONFLICT');
}

describe('append: expected version', () => {
  const stream = () => `budget-${randomUUID()}`;

  test('any: creates a stream and appends to an existing one', async () => {
    const s = stream();
    expect((await ledger.store.append(s, [allocated('1.00')], 'any')).nextExpectedVersion).toBe(1n);
    expect((await ledger.store.append(s, [allocated('2.00')], 'any')).nextExpectedVersion).toBe(2n);
  });

  test('no_stream: succeeds on a new stream, conflicts on an existing one', async () => {
    const s = stream();
    await ledger.store.append(s, [allocated('1.00')], 'no_stream');
    const before = await eventCount();
    await expectConflict(ledger.store.append(s, [allocated('2.00')], 'no_stream'), 1n);
    expect(await eventCount()).toBe(before);
  });

  test('stream_exists: conflicts on a new stream, succeeds on an existing one', async () => {
    const s = stream();
    await expectConflict(ledger.store.append(s, [allocated('1.00')], 'stream_exists'), 0n);
    expect(await ledger.store.streamVersion(s)).toBe(0n);
    await ledger.store.append(s, [allocated('1.00')]);
    expect(
      (await ledger.store.append(s, [allocated('2.00')], 'stream_exists')).nextExpectedVersion,
    ).toBe(2n);
  });

  test('exact: succeeds at the right version, conflicts with the actual version otherwise', async () => {
    const s = stream();
    await ledger.store.append(s, [allocated('1.00'), allocated('2.00')], 0n);
    const before = await eventCount();
    await expectConflict(ledger.store.append(s, [allocated('3.00')], 1n), 2n);
    await expectConflict(ledger.store.append(s, [allocated('3.00')], 5n), 2n);
    expect(await eventCount()).toBe(before);
    const ok = await ledger.store.append(s, [allocated('3.00')], 2n);
    expect(ok.events.map((e) => e.streamVersion)).toEqual([3n]);
  });

  test('exact 0 on a new stream is the same as no_stream', async () => {
    const s = stream();
    await ledger.store.append(s, [allocated('1.00')], 0n);
    await expectConflict(ledger.store.append(s, [allocated('1.00')], 0n), 1n);
  });

  test('a batch gets consecutive versions and rising positions in one transaction', async () => {
    const s = stream();
    const r = await ledger.store.append(s, [
      allocated('1.00'),
      allocated('2.00'),
      allocated('3.00'),
    ]);
    expect(r.events.map((e) => e.streamVersion)).toEqual([1n, 2n, 3n]);
    const p = r.events.map((e) => e.globalPosition);
    expect(p[1]).toBeGreaterThan(p[0]);
    expect(p[2]).toBeGreaterThan(p[1]);
    const read = await ledger.store.readStream(s);
    expect(new Set(read.map((e) => e.transactionId)).size).toBe(1);
  });

  test('bad input is refused before touching the database', async () => {
    await expect(ledger.store.append('', [allocated('1.00')])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(ledger.store.append(stream(), [])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(
      ledger.store.append(stream(), [{ ...allocated('1'), effectiveDate: '2024-1-1' }]),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('append: idempotency', () => {
  test('re-sending the same event ids returns the original positions and writes nothing', async () => {
    const s = `budget-${randomUUID()}`;
    const events = [allocated('10.00'), allocated('20.00')].map((e) => ({
      ...e,
      eventId: randomUUID(),
    }));
    const first = await ledger.store.append(s, events, 'no_stream');
    const before = await eventCount();
    // A retry after a lost response: the expected version is stale now, which must not matter.
    const retry = await ledger.store.append(s, events, 'no_stream');
    expect(retry.alreadyRecorded).toBe(true);
    expect(retry.events).toEqual(first.events);
    expect(await eventCount()).toBe(before);
    expect(await ledger.store.streamVersion(s)).toBe(2n);
  });

  test('a retry with other metadata (who retried, when) is still the same event', async () => {
    const s = `budget-${randomUUID()}`;
    const e = { ...allocated('10.00'), eventId: randomUUID() };
    const first = await ledger.store.append(s, [e]);
    const retry = await ledger.store.append(s, [
      { ...e, metadata: { actor: 'officer-1', correlationId: 'retry-2' } },
    ]);
    expect(retry.events[0].globalPosition).toBe(first.events[0].globalPosition);
  });

  test('the same event id with a different payload is an error and writes nothing', async () => {
    const s = `budget-${randomUUID()}`;
    const id = randomUUID();
    await ledger.store.append(s, [{ ...allocated('10.00'), eventId: id }]);
    const before = await eventCount();
    const err = await ledger.store
      .append(s, [{ ...allocated('10.01'), eventId: id }])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventIdConflictError);
    expect((err as EventIdConflictError).code).toBe('IDEMPOTENCY_MISMATCH');
    expect((err as EventIdConflictError).eventId).toBe(id);
    expect(await eventCount()).toBe(before);
  });

  test('the same event id in another stream is an error', async () => {
    const id = randomUUID();
    await ledger.store.append(`budget-${randomUUID()}`, [{ ...allocated('1.00'), eventId: id }]);
    await expect(
      ledger.store.append(`budget-${randomUUID()}`, [{ ...allocated('1.00'), eventId: id }]),
    ).rejects.toBeInstanceOf(EventIdConflictError);
  });

  test('a batch that only partly repeats an earlier append is an error, not half a retry', async () => {
    const s = `budget-${randomUUID()}`;
    const a = { ...allocated('1.00'), eventId: randomUUID() };
    await ledger.store.append(s, [a]);
    const before = await eventCount();
    await expect(
      ledger.store.append(s, [a, { ...allocated('2.00'), eventId: randomUUID() }]),
    ).rejects.toBeInstanceOf(EventIdConflictError);
    expect(await eventCount()).toBe(before);
  });

  test('text typed in another Unicode form is the same payload (stored as NFC)', async () => {
    const s = `budget-${randomUUID()}`;
    const id = randomUUID();
    const composed = 'Café 汾阳 \u00e9';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const first = await ledger.store.append(s, [
      { type: 'Noted', data: { text: composed }, eventId: id },
    ]);
    const retry = await ledger.store.append(s, [
      { type: 'Noted', data: { text: decomposed }, eventId: id },
    ]);
    expect(retry.events[0].hash).toBe(first.events[0].hash);
    const [stored] = await ledger.store.readStream(s);
    expect(stored.data.text).toBe(composed);
  });
});

describe('append: 32 concurrent writers on overlapping streams', () => {
  test('no lost or duplicated event; versions gap-free per stream', async () => {
    const streams = Array.from({ length: 5 }, () => `budget-${randomUUID()}`);
    const writers = 32;
    const appendsPerWriter = 15;
    const written: string[] = [];
    let conflicts = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < appendsPerWriter; i++) {
          const s = streams[(w + i) % streams.length];
          const batch = Array.from({ length: 1 + ((w + i) % 3) }, (_, k) => ({
            ...allocated(`${w}.${String(i).padStart(2, '0')}`),
            eventId: randomUUID(),
            data: { writer: w, append: i, k },
          }));
          // Half the writers read the version and append with an exact expectation, retrying on
          // conflict, as a command handler does; the rest append with 'any'.
          for (;;) {
            const expected = w % 2 === 0 ? await ledger.store.streamVersion(s) : 'any';
            try {
              await ledger.store.append(s, batch, expected);
              written.push(...batch.map((b) => b.eventId));
              break;
            } catch (err) {
              if (!(err instanceof ConcurrencyError)) throw err;
              conflicts++;
            }
          }
        }
      }),
    );
    const { rows } = await ledger.db.ownerPool.query<{
      event_id: string;
      stream_id: string;
      stream_version: string;
    }>(
      'SELECT event_id, stream_id, stream_version FROM events WHERE stream_id = ANY($1) ORDER BY stream_id, stream_version',
      [streams],
    );
    expect(rows.map((r) => r.event_id).sort()).toEqual([...written].sort());
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(rows.length);
    for (const s of streams) {
      const versions = rows.filter((r) => r.stream_id === s).map((r) => Number(r.stream_version));
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      expect(await ledger.store.streamVersion(s)).toBe(BigInt(versions.length));
    }
    // With 32 writers on 5 streams the exact-version writers must have collided at least once.
    expect(conflicts).toBeGreaterThan(0);
  });
});

describe('one event with a generated id takes the single-statement path; it must agree with ledger_append', () => {
  test('single events and batches chain, version and record alike, and verify', async () => {
    const stream = `paths-${randomUUID()}`;
    const one = await ledger.store.append(stream, [allocated('1.00')], 'no_stream'); // single statement
    const batch = await ledger.store.append(stream, [allocated('2.00'), allocated('3.00')], 1n); // ledger_append
    const again = await ledger.store.append(stream, [allocated('4.00')], 3n); // single statement
    const fixedId = await ledger.store.append(
      stream,
      [{ ...allocated('5.00'), eventId: randomUUID() }],
      4n,
    ); // ledger_append (id may exist)
    const versions = [one, batch, again, fixedId].flatMap((r) =>
      r.events.map((e) => e.streamVersion),
    );
    expect(versions).toEqual([1n, 2n, 3n, 4n, 5n]);
    const { rows } = await ledger.db.ownerPool.query(
      `SELECT stream_version, encode(prev_hash, 'hex') AS prev, encode(hash, 'hex') AS hash, recorded_at,
              encode(sha256(prev_hash || ledger_event_bytes(global_position, stream_id, stream_version, event_id, type,
                     schema_version, data, metadata, recorded_at, effective_date)), 'hex') AS recomputed
         FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [stream],
    );
    expect(rows[0].prev).toBe('0'.repeat(64));
    for (let i = 0; i < rows.length; i++) {
      expect(rows[i].hash).toBe(rows[i].recomputed);
      if (i > 0) expect(rows[i].prev).toBe(rows[i - 1].hash);
    }
    // What append returned is what was stored (hash, and the instant to the millisecond).
    const returned = [one, batch, again, fixedId].flatMap((r) => r.events);
    expect(returned.map((e) => e.hash)).toEqual(rows.map((r) => r.hash));
    expect(returned.map((e) => e.recordedAt.getTime())).toEqual(
      rows.map((r) => (r.recorded_at as Date).getTime()),
    );
  });

  test.each([
    ['no_stream on an existing stream', 'no_stream' as const, 1n],
    ['an exact version behind the head', 0n, 1n],
    ['an exact version ahead of the head', 5n, 1n],
  ])(
    'a single event whose expectation fails (%s) falls back, raises ConcurrencyError and appends nothing',
    async (_name, expected, actual) => {
      const stream = `paths-${randomUUID()}`;
      await ledger.store.append(stream, [allocated('1.00')]);
      const before = await eventCount();
      await expectConflict(ledger.store.append(stream, [allocated('2.00')], expected), actual);
      expect(await eventCount()).toBe(before);
    },
  );

  test('stream_exists on a new stream is refused with version 0', async () => {
    await expectConflict(
      ledger.store.append(`paths-${randomUUID()}`, [allocated('1.00')], 'stream_exists'),
      0n,
    );
  });
});

test('a batch stores each event with its own metadata, shared objects and repeated values included', async () => {
  const stream = `meta-${randomUUID()}`;
  const shared = { actor: 'officer-1', documentRef: '汾财预〔2024〕1号' };
  const metadatas = [shared, shared, { actor: 'reviewer-2' }, undefined, { ...shared }, shared];
  await ledger.store.append(
    stream,
    metadatas.map((metadata, i) => ({ type: 'Noted', data: { i }, metadata })),
  );
  const stored = await ledger.store.readStream(stream);
  expect(stored.map((e) => e.metadata)).toEqual(metadatas.map((m) => m ?? {}));
  expect(stored.map((e) => e.data)).toEqual(metadatas.map((_, i) => ({ i })));
});

test('32 concurrent writers of single events (the single-statement path) on overlapping streams: nothing lost or duplicated, chains intact', async () => {
  const streams = Array.from({ length: 4 }, () => `single-${randomUUID()}`);
  const written: string[] = [];
  let conflicts = 0;
  await Promise.all(
    Array.from({ length: 32 }, async (_, w) => {
      for (let i = 0; i < 12; i++) {
        const s = streams[(w + i) % streams.length]!;
        for (;;) {
          // Half exact (read, then append, retry on conflict), half 'any'; no event ids given.
          const expected = w % 2 === 0 ? await ledger.store.streamVersion(s) : 'any';
          try {
            const r = await ledger.store.append(
              s,
              [{ type: 'Noted', data: { writer: w, append: i } }],
              expected,
            );
            written.push(r.events[0]!.eventId);
            break;
          } catch (err) {
            if (!(err instanceof ConcurrencyError)) throw err;
            conflicts++;
          }
        }
      }
    }),
  );
  const { rows } = await ledger.db.ownerPool.query<{
    event_id: string;
    stream_id: string;
    stream_version: string;
    data: { writer: number; append: number };
  }>(
    'SELECT event_id, stream_id, stream_version, data FROM events WHERE stream_id = ANY($1) ORDER BY stream_id, stream_version',
    [streams],
  );
  expect(rows).toHaveLength(32 * 12);
  expect(rows.map((r) => r.event_id).sort()).toEqual([...written].sort());
  expect(new Set(rows.map((r) => `${r.data.writer}/${r.data.append}`)).size).toBe(rows.length);
  for (const s of streams) {
    const versions = rows.filter((r) => r.stream_id === s).map((r) => Number(r.stream_version));
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  }
  const { rows: broken } = await ledger.db.ownerPool.query(
    `SELECT e.stream_id, e.stream_version FROM events e
       LEFT JOIN events p ON p.stream_id = e.stream_id AND p.stream_version = e.stream_version - 1
      WHERE e.stream_id = ANY($1)
        AND (e.prev_hash <> coalesce(p.hash, ledger_genesis_hash())
             OR e.hash <> sha256(e.prev_hash || ledger_event_bytes(e.global_position, e.stream_id, e.stream_version,
                  e.event_id, e.type, e.schema_version, e.data, e.metadata, e.recorded_at, e.effective_date)))`,
    [streams],
  );
  expect(broken).toEqual([]);
  expect(conflicts).toBeGreaterThan(0);
});
