import { randomUUID } from 'node:crypto';
import { BadInputError } from '../../src/domain/errors';
import { canonicalJson, canonicalJsonText } from '../../src/events/canonical';
import { ConcurrencyError, EventIdConflictError } from '../../src/events/errors';
import type { EventStore } from '../../src/events/event-store';
import { verifyLedger } from '../../src/events/integrity';
import type {
  AppendBatch,
  AppendResult,
  EncodedEvent,
  ExpectedVersion,
  NewEvent,
} from '../../src/events/types';
import type { EventRow } from '../../src/events/rows';
import { useLedgerDatabase, type TestDatabase } from '../support/db';

/**
 * EventStore.appendInOneTransaction: groups of batches (one stream's events each, with an expected
 * version) taken from an async source as they arrive and appended in ONE transaction, each batch one
 * statement (APPEND_ONE_SQL for a batch of one event, falling through to APPEND_SQL for a
 * retried id; APPEND_SQL for more).
 */
const ledger = useLedgerDatabase();
/** A second ledger of its own: the same batches appended there one statement each, to compare with. */
const twin = useLedgerDatabase();

const GENESIS = '0'.repeat(64);

/** `count` stream ids in ascending order (the order appendInOneTransaction takes), fresh each test. */
function streams(count: number): string[] {
  const base = `each-${randomUUID()}`;
  return Array.from({ length: count }, (_, i) => `${base}-${String(i + 1).padStart(2, '0')}`);
}

/** An event of `stream` with text, nested values and a business date (or none). */
const event = (stream: string, i: number): NewEvent => ({
  type: i % 2 ? 'BudgetAllocated' : 'Noted',
  data: {
    stream,
    i,
    amount: `${100 + i}.00`,
    line: { functional: '2010301', econ: ['30101', '50101'] },
    note: '汾阳 办公费',
    final: i % 3 === 0,
  },
  metadata: { actor: 'officer-1', documentRef: '汾财预〔2024〕1号', correlationId: `c-${i}` },
  effectiveDate: i % 3 === 0 ? null : '2024-01-01',
});
const eventsOf = (stream: string, from: number, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, k) => event(stream, from + k));
const withIds = (events: NewEvent[]): NewEvent[] =>
  events.map((e) => ({ ...e, eventId: randomUUID() }));

/** The groups one by one, each after a turn of the event loop (as a caller still deciding hands them over); then `thenThrow`, if given. */
function source(
  groups: readonly (readonly AppendBatch[])[],
  thenThrow?: Error,
): AsyncGenerator<readonly AppendBatch[]> & { taken: () => number } {
  let taken = 0;
  async function* run(): AsyncGenerator<readonly AppendBatch[]> {
    for (const g of groups) {
      await new Promise((r) => setImmediate(r));
      taken++;
      yield g;
    }
    if (thenThrow) throw thenThrow;
  }
  return Object.assign(run(), { taken: () => taken });
}

/** An events row as the store reads it (EventRow), hashes in hex, with the hash recomputed from the stored content (ledger_event_bytes, the one definition). */
type StoredRow = Omit<EventRow, 'prev_hash' | 'hash'> & {
  prev_hash: string;
  hash: string;
  recomputed: string;
};

/** Every stored event of `streamIds`, in log position order. */
async function stored(db: TestDatabase, streamIds: readonly string[]): Promise<StoredRow[]> {
  const { rows } = await db.ownerPool.query<StoredRow>(
    `SELECT global_position::text AS global_position, transaction_id::text AS transaction_id, stream_id,
            stream_version::text AS stream_version, event_id::text AS event_id, type, schema_version, data, metadata,
            to_char(effective_date, 'YYYY-MM-DD') AS effective_date, recorded_at,
            encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash,
            encode(sha256(prev_hash || ledger_event_bytes(global_position, stream_id, stream_version, event_id, type,
                   schema_version, data, metadata, recorded_at, effective_date)), 'hex') AS recomputed
       FROM events WHERE stream_id = ANY($1) ORDER BY events.global_position`,
    [streamIds],
  );
  return rows;
}

async function eventCount(db: TestDatabase): Promise<number> {
  const { rows } = await db.ownerPool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return rows[0]!.n;
}

async function versions(store: EventStore, streamIds: readonly string[]): Promise<bigint[]> {
  return Promise.all(streamIds.map((s) => store.streamVersion(s)));
}

/** Each stream's chain from its first event: versions 1, 2, …; prev_hash the previous hash (genesis first); every hash recomputes. */
function expectChainsIntact(rows: readonly StoredRow[]): void {
  const byStream = new Map<string, StoredRow[]>();
  for (const r of rows) byStream.set(r.stream_id, [...(byStream.get(r.stream_id) ?? []), r]);
  for (const [, chain] of byStream) {
    chain.sort((a, b) => Number(a.stream_version) - Number(b.stream_version));
    chain.forEach((r, i) => {
      expect(r.stream_version).toBe(String(i + 1));
      expect(r.prev_hash).toBe(i === 0 ? GENESIS : chain[i - 1]!.hash);
      expect(r.hash).toBe(r.recomputed);
    });
  }
}

/** What an event's stored form must be, whichever way it was appended: type, schema, data and metadata (NFC), date. */
const content = (r: StoredRow) => ({
  stream: r.stream_id,
  version: r.stream_version,
  type: r.type,
  schemaVersion: r.schema_version,
  data: r.data,
  metadata: r.metadata,
  effectiveDate: r.effective_date,
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected the append to be refused');
    },
    (e: unknown) => e,
  );
}

describe('appendInOneTransaction records groups of batches in one transaction', () => {
  test('given several groups, some of several batches, when they are appended, then every event is recorded with the versions, ids and positions each batch reports, every chain is intact, and the log is what one append per batch would have made', async () => {
    const s = streams(7);
    // Two streams exist already: s[1] at version 2, s[4] at version 1 (in both ledgers).
    for (const store of [ledger.store, twin.store]) {
      await store.append(s[1]!, eventsOf(s[1]!, 0, 2));
      await store.append(s[4]!, eventsOf(s[4]!, 0, 1));
    }
    const groups: AppendBatch[][] = [
      [
        { streamId: s[0]!, events: withIds(eventsOf(s[0]!, 1, 2)), expected: 'no_stream' },
        { streamId: s[1]!, events: eventsOf(s[1]!, 2, 1), expected: 2n },
        { streamId: s[2]!, events: eventsOf(s[2]!, 1, 3) },
      ],
      [{ streamId: s[3]!, events: eventsOf(s[3]!, 1, 1), expected: 0n }], // a group of one: APPEND_SQL
      [], // nothing ready yet: no statement
      [
        { streamId: s[4]!, events: withIds(eventsOf(s[4]!, 1, 2)), expected: 'stream_exists' },
        { streamId: s[5]!, events: eventsOf(s[5]!, 1, 1), expected: 'any' },
      ],
      [{ streamId: s[6]!, events: withIds(eventsOf(s[6]!, 1, 1)), expected: 'no_stream' }],
    ];
    const batches = groups.flat();
    const before = await eventCount(ledger.db);
    const setupRows = await stored(ledger.db, s);

    const results = await ledger.store.appendInOneTransaction(source(groups));

    // One result per batch, in the order given.
    expect(results.map((r) => r.streamId)).toEqual(batches.map((b) => b.streamId));
    expect(results.map((r) => r.events.map((e) => e.streamVersion))).toEqual([
      [1n, 2n],
      [3n],
      [1n, 2n, 3n],
      [1n],
      [2n, 3n],
      [1n],
      [1n],
    ]);
    expect(results.map((r) => r.nextExpectedVersion)).toEqual([2n, 3n, 3n, 1n, 3n, 1n, 1n]);
    expect(results.every((r) => !r.alreadyRecorded)).toBe(true);
    // Ids given are kept; ids not given are generated, all distinct.
    results.forEach((r, i) => {
      const given = batches[i]!.events.map((e) => e.eventId);
      if (given.every((id) => id !== undefined))
        expect(r.events.map((e) => e.eventId)).toEqual(given);
    });
    const ids = results.flatMap((r) => r.events.map((e) => e.eventId));
    expect(new Set(ids).size).toBe(11);
    // Positions rise through every batch, in the order the batches were given.
    const positions = results.flatMap((r) => r.events.map((e) => e.globalPosition));
    expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
    expect(new Set(positions).size).toBe(positions.length);

    // What the database holds: exactly these events, as each result says, in one transaction.
    expect(await eventCount(ledger.db)).toBe(before + 11);
    const rows = await stored(ledger.db, s);
    const appended = rows.slice(setupRows.length);
    expect(appended.map((r) => r.event_id)).toEqual(ids);
    const reported = results.flatMap((r) => r.events);
    expect(
      appended.map((r) => [r.global_position, r.stream_version, r.hash, r.recorded_at.getTime()]),
    ).toEqual(
      reported.map((e) => [
        e.globalPosition.toString(),
        e.streamVersion.toString(),
        e.hash,
        e.recordedAt.getTime(),
      ]),
    );
    expect(appended.map((r) => r.stream_id)).toEqual(
      results.flatMap((r) => r.events.map(() => r.streamId)),
    );
    const sent = batches.flatMap((b) => b.events as NewEvent[]);
    expect(
      appended.map((r) => [r.type, r.schema_version, r.data, r.metadata, r.effective_date]),
    ).toEqual(
      sent.map((e) => [
        e.type,
        1,
        canonicalJson(e.data),
        canonicalJson(e.metadata),
        e.effectiveDate ?? null,
      ]),
    );
    expect(new Set(appended.map((r) => r.transaction_id)).size).toBe(1);
    expect(setupRows.map((r) => r.transaction_id)).not.toContain(appended[0]!.transaction_id);
    expect(await versions(ledger.store, s)).toEqual([2n, 3n, 3n, 1n, 3n, 1n, 1n]);
    expectChainsIntact(rows);
    expect((await verifyLedger(ledger.db.appPool)).firstBroken).toBeNull();

    // The same batches in the twin ledger, one append (one statement) each: the same log.
    for (const b of batches)
      await twin.store.append(b.streamId, b.events as NewEvent[], b.expected);
    const twinRows = await stored(twin.db, s);
    const givenIds = new Set(sent.flatMap((e) => (e.eventId ? [e.eventId] : [])));
    const comparable = (r: StoredRow) => ({
      ...content(r),
      eventId: givenIds.has(r.event_id) ? r.event_id : 'generated',
    });
    expect(rows.map(comparable)).toEqual(twinRows.map(comparable));
    expectChainsIntact(twinRows);
  });

  test('given a group of one batch and a group of several, when both are appended, then every batch result (ids, positions, versions, instants, hashes) is what the database stored', async () => {
    const s = streams(3);
    const one = {
      streamId: s[0]!,
      events: withIds(eventsOf(s[0]!, 0, 3)),
      expected: 'no_stream' as const,
    };
    const many = [1, 2].map((i) => ({
      streamId: s[i]!,
      events: withIds(eventsOf(s[i]!, 0, 2)),
      expected: 0n,
    }));
    const results = await ledger.store.appendInOneTransaction(source([[one], many]));
    const rows = await stored(ledger.db, s);
    const fromRows = (streamId: string): AppendResult['events'] =>
      rows
        .filter((r) => r.stream_id === streamId)
        .map((r) => ({
          eventId: r.event_id,
          globalPosition: BigInt(r.global_position),
          streamVersion: BigInt(r.stream_version),
          recordedAt: new Date(r.recorded_at.getTime()),
          hash: r.hash,
        }));
    expect(results).toEqual(
      s.map((streamId) => ({
        streamId,
        nextExpectedVersion: streamId === s[0] ? 3n : 2n,
        events: fromRows(streamId),
        alreadyRecorded: false,
      })),
    );
  });
});

describe('appendInOneTransaction refuses a batch whose expected version does not hold', () => {
  test.each<[string, number, ExpectedVersion, bigint]>([
    ['the 3rd batch of 4 expects a version behind its head', 2, 1n, 3n],
    ['the 1st batch of 4 expects no stream where one exists', 0, 'no_stream', 3n],
    ['the 4th batch of 4 expects a stream that does not exist', 3, 'stream_exists', 0n],
    ['the 2nd batch of 4 expects a version ahead of its head', 1, 7n, 3n],
  ])(
    'given %s, after an earlier group was appended, then a ConcurrencyError names that stream and its actual version, and nothing of any group is recorded',
    async (_case, at, expected, actual) => {
      const s = streams(7);
      // Groups: [s0, s1] (appended first), [s2, s3, s4, s5] with the bad batch at `at`, then [s6].
      const bad = s[2 + at]!;
      if (actual > 0n) await ledger.store.append(bad, eventsOf(bad, 0, Number(actual)));
      const group = [2, 3, 4, 5].map((i): AppendBatch => ({
        streamId: s[i]!,
        events: eventsOf(s[i]!, 10, 2),
        expected: s[i] === bad ? expected : 'no_stream',
      }));
      const groups: AppendBatch[][] = [
        [0, 1].map((i) => ({
          streamId: s[i]!,
          events: eventsOf(s[i]!, 10, 1),
          expected: 'no_stream',
        })),
        group,
        [{ streamId: s[6]!, events: eventsOf(s[6]!, 10, 1) }],
      ];
      const before = await eventCount(ledger.db);
      const from = source(groups);

      const err = await rejection(ledger.store.appendInOneTransaction(from));

      expect(err).toBeInstanceOf(ConcurrencyError);
      expect(err).toMatchObject({
        code: 'CONCURRENCY_CONFLICT',
        streamId: bad,
        expected,
        actualVersion: actual,
        details: { streamId: bad, actualVersion: actual.toString() },
      });
      expect(from.taken()).toBe(2); // the last group was never taken
      expect(await eventCount(ledger.db)).toBe(before);
      expect(await versions(ledger.store, s)).toEqual(s.map((id) => (id === bad ? actual : 0n)));

      // Nothing was left behind: with that expectation corrected, the same groups append whole.
      const fixed = groups.map((g) =>
        g.map((b) => (b.streamId === bad ? { ...b, expected: actual } : b)),
      );
      await ledger.store.appendInOneTransaction(source(fixed));
      expect(await versions(ledger.store, s)).toEqual(
        s.map((id) =>
          id === bad ? actual + 2n : id === s[0] || id === s[1] || id === s[6] ? 1n : 2n,
        ),
      );
      expectChainsIntact(await stored(ledger.db, s));
    },
  );

  test('given a batch of a group of one whose expected version does not hold, then a ConcurrencyError names it and the groups before it are rolled back', async () => {
    const s = streams(3);
    await ledger.store.append(s[2]!, eventsOf(s[2]!, 0, 2));
    const before = await eventCount(ledger.db);
    const err = await rejection(
      ledger.store.appendInOneTransaction(
        source([
          [
            { streamId: s[0]!, events: eventsOf(s[0]!, 1, 1) },
            { streamId: s[1]!, events: eventsOf(s[1]!, 1, 1) },
          ],
          [{ streamId: s[2]!, events: eventsOf(s[2]!, 2, 1), expected: 1n }],
        ]),
      ),
    );
    expect(err).toBeInstanceOf(ConcurrencyError);
    expect(err).toMatchObject({ streamId: s[2], actualVersion: 2n, expected: 1n });
    expect(await eventCount(ledger.db)).toBe(before);
    expect(await versions(ledger.store, s)).toEqual([0n, 0n, 2n]);
  });

  test("given four appendInOneTransaction calls racing for the same new streams, then exactly one is recorded whole and each other fails with a ConcurrencyError on the first stream, at the winner's version", async () => {
    const s = streams(2);
    const calls = Array.from({ length: 4 }, (_, k) => {
      const group: AppendBatch[] = [
        { streamId: s[0]!, events: withIds(eventsOf(s[0]!, k * 10, 2)), expected: 'no_stream' },
        { streamId: s[1]!, events: withIds(eventsOf(s[1]!, k * 10, 1)), expected: 'no_stream' },
      ];
      return {
        group,
        outcome: ledger.store.appendInOneTransaction(source([group])).then(
          (r) => ({ ok: true as const, r }),
          (e: unknown) => ({ ok: false as const, e }),
        ),
      };
    });
    const outcomes = await Promise.all(calls.map((c) => c.outcome));
    const winners = outcomes.flatMap((o, k) => (o.ok ? [k] : []));
    expect(winners).toHaveLength(1);
    for (const o of outcomes)
      if (!o.ok)
        expect(o.e).toMatchObject({
          code: 'CONCURRENCY_CONFLICT',
          streamId: s[0],
          actualVersion: 2n,
        });
    const rows = await stored(ledger.db, s);
    expect(rows.map((r) => r.event_id)).toEqual(
      calls[winners[0]!]!.group.flatMap((b) => b.events.map((e) => e.eventId)),
    );
    expectChainsIntact(rows);
  });
});

describe('appendInOneTransaction rolls everything back when its source fails', () => {
  test('given a source that throws after two groups were appended, then that very error is rethrown and nothing is recorded', async () => {
    const s = streams(4);
    const boom = new Error('the decider failed');
    const groups: AppendBatch[][] = [
      [
        { streamId: s[0]!, events: eventsOf(s[0]!, 1, 2), expected: 'no_stream' },
        { streamId: s[1]!, events: withIds(eventsOf(s[1]!, 1, 1)) },
      ],
      [{ streamId: s[2]!, events: eventsOf(s[2]!, 1, 3), expected: 0n }],
    ];
    const before = await eventCount(ledger.db);
    const from = source(groups, boom);

    const err = await rejection(ledger.store.appendInOneTransaction(from));

    expect(err).toBe(boom);
    expect(from.taken()).toBe(2);
    expect(await eventCount(ledger.db)).toBe(before);
    expect(await versions(ledger.store, s)).toEqual([0n, 0n, 0n, 0n]);
    // The streams are as they were: the same groups from a source that ends append whole.
    const ok = await ledger.store.appendInOneTransaction(source(groups));
    expect(ok.map((r) => r.nextExpectedVersion)).toEqual([2n, 1n, 3n]);
  });

  test('given a source that throws before its first group, then that error is rethrown and nothing is recorded', async () => {
    const boom = new Error('nothing decided');
    const before = await eventCount(ledger.db);
    await expect(ledger.store.appendInOneTransaction(source([], boom))).rejects.toBe(boom);
    expect(await eventCount(ledger.db)).toBe(before);
  });
});

describe('appendInOneTransaction takes streams once each, in ascending id order', () => {
  test.each<[string, (s: string[]) => string[][], number]>([
    ['two streams out of order within a group', (s) => [[s[1]!, s[0]!]], 0],
    ["a later group with a stream below the earlier group's", (s) => [[s[0]!, s[2]!], [s[1]!]], 1],
    ['a group of one below the group before it', (s) => [[s[1]!], [s[0]!]], 0],
    ['a stream named twice in one group', (s) => [[s[0]!, s[1]!, s[1]!]], 1],
    ['a stream named again in a later group', (s) => [[s[0]!], [s[1]!], [s[1]!]], 1],
  ])(
    'given %s, then it is refused with a BadInputError naming the stream, and nothing is recorded',
    async (_case, shape, offender) => {
      const s = streams(3);
      const groups = shape(s).map((g) =>
        g.map((streamId): AppendBatch => ({ streamId, events: eventsOf(streamId, 1, 1) })),
      );
      const before = await eventCount(ledger.db);
      const err = await rejection(ledger.store.appendInOneTransaction(source(groups)));
      expect(err).toBeInstanceOf(BadInputError);
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', details: { streamId: s[offender] } });
      expect(await eventCount(ledger.db)).toBe(before);
      expect(await versions(ledger.store, s)).toEqual([0n, 0n, 0n]);
    },
  );

  test('given a batch without events or with a bad effective date in a later group, then it is refused with a BadInputError and the groups before it are rolled back', async () => {
    const s = streams(3);
    const before = await eventCount(ledger.db);
    const first: AppendBatch[] = [{ streamId: s[0]!, events: eventsOf(s[0]!, 1, 1) }];
    await expect(
      ledger.store.appendInOneTransaction(source([first, [{ streamId: s[1]!, events: [] }]])),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { streamId: s[1] } });
    await expect(
      ledger.store.appendInOneTransaction(
        source([
          first,
          [
            { streamId: s[1]!, events: eventsOf(s[1]!, 1, 1) },
            { streamId: s[2]!, events: [{ ...event(s[2]!, 1), effectiveDate: '2024-1-1' }] },
          ],
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { streamId: s[2] },
    });
    expect(await eventCount(ledger.db)).toBe(before);
  });
});

describe('appendInOneTransaction stores events given as encoded text exactly like events given as values', () => {
  /** Data and metadata with keys out of order, decomposed text (stored as NFC), arrays, numbers, booleans and null. */
  const values = (stream: string): NewEvent[] => [
    {
      type: 'Noted',
      data: { z: 1, a: { y: [3, 2, 1], b: null }, text: 'Cafe\u0301 汾阳' },
      metadata: { reason: 'Re\u0301vision', actor: 'officer-1' },
      effectiveDate: '2024-03-01',
    },
    {
      type: 'BudgetAllocated',
      schemaVersion: 2,
      data: { amount: '12.34', ok: true, stream },
      metadata: {},
    },
    { type: 'Noted', data: { empty: {}, list: [] }, effectiveDate: null },
  ];
  const encoded = (events: NewEvent[]): EncodedEvent[] =>
    events.map(({ data, metadata, ...rest }) => ({
      ...rest,
      dataText: canonicalJsonText(data),
      metadataText: canonicalJsonText(metadata ?? {}),
    }));
  const asStored = (e: NewEvent) => ({
    type: e.type,
    schemaVersion: e.schemaVersion ?? 1,
    data: canonicalJson(e.data),
    metadata: canonicalJson(e.metadata ?? {}),
    effectiveDate: e.effectiveDate ?? null,
  });
  const storedContent = (r: StoredRow) => ({
    type: r.type,
    schemaVersion: r.schema_version,
    data: r.data,
    metadata: r.metadata,
    effectiveDate: r.effective_date,
  });

  test('given the same events as EncodedEvent, as NewEvent, and mixed, in a group of several and in groups of one, then every stream stores the same data, metadata, types, dates and versions, with intact chains', async () => {
    // Streams in ascending order: a group of three (encoded, mixed, values), then an encoded and a values group of one.
    const [manyEncoded, manyMixed, manyValues, oneEncoded, oneValues] = streams(5) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const mixed = (stream: string) => {
      const v = values(stream);
      const e = encoded(v);
      return [e[0]!, v[1]!, e[2]!];
    };
    const groups: AppendBatch[][] = [
      [
        { streamId: manyEncoded, events: encoded(values(manyEncoded)), expected: 'no_stream' },
        { streamId: manyMixed, events: mixed(manyMixed), expected: 'no_stream' },
        { streamId: manyValues, events: values(manyValues), expected: 'no_stream' },
      ],
      [{ streamId: oneEncoded, events: encoded(values(oneEncoded)), expected: 0n }],
      [{ streamId: oneValues, events: values(oneValues), expected: 0n }],
    ];
    const results = await ledger.store.appendInOneTransaction(source(groups));
    expect(results.map((r) => r.nextExpectedVersion)).toEqual([3n, 3n, 3n, 3n, 3n]);
    const rows = await stored(ledger.db, [
      manyEncoded,
      manyMixed,
      manyValues,
      oneEncoded,
      oneValues,
    ]);
    for (const stream of [manyEncoded, manyMixed, manyValues, oneEncoded, oneValues]) {
      const mine = rows.filter((r) => r.stream_id === stream);
      expect(mine.map((r) => r.stream_version)).toEqual(['1', '2', '3']);
      expect(mine.map(storedContent)).toEqual(values(stream).map(asStored));
    }
    // NFC, as the canonical form requires, whichever form the event came in.
    expect(
      rows.filter((r) => r.stream_version === '1').map((r) => (r.data as { text: string }).text),
    ).toEqual(Array(5).fill('Caf\u00e9 汾阳'));
    expectChainsIntact(rows);
    // And the bytes hashed are the same: an encoded retry of a values event is recognised as that event.
    const ids = withIds(values(oneValues));
    const streamId = streams(1)[0]!;
    const first = await ledger.store.appendInOneTransaction(source([[{ streamId, events: ids }]]));
    const retry = await ledger.store.appendInOneTransaction(
      source([[{ streamId, events: encoded(ids) }]]),
    );
    expect(retry[0]!.alreadyRecorded).toBe(true);
    expect(retry[0]!.events).toEqual(first[0]!.events);
  });

  test('given a batch whose events share one metadata object and one mixing both forms, then each event keeps its own metadata', async () => {
    const [a, b] = streams(2) as [string, string];
    const shared = { actor: 'officer-1', documentRef: '汾财预〔2024〕1号' };
    const metas = [shared, shared, { actor: 'reviewer-2' }, undefined, { ...shared }, shared];
    const plain: NewEvent[] = metas.map((metadata, i) => ({
      type: 'Noted',
      data: { i },
      metadata,
    }));
    const alternating = plain.map((e, i) => (i % 2 ? encoded([e])[0]! : e));
    await ledger.store.appendInOneTransaction(
      source([
        [
          { streamId: a, events: plain },
          { streamId: b, events: alternating },
        ],
      ]),
    );
    const rows = await stored(ledger.db, [a, b]);
    for (const stream of [a, b])
      expect(rows.filter((r) => r.stream_id === stream).map((r) => r.metadata)).toEqual(
        metas.map((m) => m ?? {}),
      );
  });
});

describe('appendInOneTransaction retried with the same event ids appends nothing new', () => {
  test('given groups already appended, when the same batches (same ids, expectations now stale) are appended again, then each reports alreadyRecorded with the original positions and nothing is appended', async () => {
    const s = streams(4);
    const groups: AppendBatch[][] = [
      [
        { streamId: s[0]!, events: withIds(eventsOf(s[0]!, 1, 2)), expected: 'no_stream' },
        { streamId: s[1]!, events: withIds(eventsOf(s[1]!, 1, 1)), expected: 0n },
      ],
      [{ streamId: s[2]!, events: withIds(eventsOf(s[2]!, 1, 3)), expected: 'no_stream' }],
    ];
    const first = await ledger.store.appendInOneTransaction(source(groups));
    const before = await eventCount(ledger.db);
    const rowsBefore = await stored(ledger.db, s);

    const retry = await ledger.store.appendInOneTransaction(source(groups));

    expect(retry.map((r) => r.alreadyRecorded)).toEqual([true, true, true]);
    expect(retry).toEqual(first.map((r) => ({ ...r, alreadyRecorded: true })));
    expect(await eventCount(ledger.db)).toBe(before);
    expect(await stored(ledger.db, s)).toEqual(rowsBefore);

    // A retried batch beside a new one in one group: the retry is recognised, the new one appended.
    const fresh: AppendBatch = {
      streamId: s[3]!,
      events: withIds(eventsOf(s[3]!, 1, 2)),
      expected: 'no_stream',
    };
    const mixed = await ledger.store.appendInOneTransaction(
      source([[groups[0]![1]!, groups[1]![0]!, fresh]]),
    );
    expect(mixed.map((r) => [r.streamId, r.alreadyRecorded, r.nextExpectedVersion])).toEqual([
      [s[1], true, 1n],
      [s[2], true, 3n],
      [s[3], false, 2n],
    ]);
    expect(mixed.slice(0, 2)).toEqual([
      { ...first[1]!, alreadyRecorded: true },
      { ...first[2]!, alreadyRecorded: true },
    ]);
    expect(await eventCount(ledger.db)).toBe(before + 2);
    expect(await versions(ledger.store, s)).toEqual([2n, 1n, 3n, 2n]);
  });

  test('given a batch in a group of several repeating an event id with another payload, then an EventIdConflictError names the id and nothing is recorded', async () => {
    const s = streams(3);
    const taken = withIds(eventsOf(s[1]!, 1, 1));
    await ledger.store.append(s[1]!, taken);
    const before = await eventCount(ledger.db);
    const clash = [{ ...taken[0]!, data: { other: 'payload' } }];
    const err = await rejection(
      ledger.store.appendInOneTransaction(
        source([
          [
            { streamId: s[0]!, events: eventsOf(s[0]!, 1, 1) },
            { streamId: s[1]!, events: clash },
            { streamId: s[2]!, events: eventsOf(s[2]!, 1, 1) },
          ],
        ]),
      ),
    );
    expect(err).toBeInstanceOf(EventIdConflictError);
    expect(err).toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', eventId: taken[0]!.eventId });
    expect(await eventCount(ledger.db)).toBe(before);
  });

  // An idempotent retry (which ledger_append accepts whatever its now stale expectation) beside a
  // failing batch is not the batch that failed.
  test('given a retried batch (stale expectation) beside a batch whose expectation does not hold, in one group, then the ConcurrencyError names the batch that failed', async () => {
    const s = streams(2);
    const retried: AppendBatch = {
      streamId: s[0]!,
      events: withIds(eventsOf(s[0]!, 1, 1)),
      expected: 'no_stream',
    };
    await ledger.store.appendInOneTransaction(source([[retried]]));
    const err = await rejection(
      ledger.store.appendInOneTransaction(
        source([[retried, { streamId: s[1]!, events: eventsOf(s[1]!, 1, 1), expected: 5n }]]),
      ),
    );
    expect(err).toMatchObject({ code: 'CONCURRENCY_CONFLICT', streamId: s[1], actualVersion: 0n });
  });

  test('given a retried batch beside a batch reusing an event id with another payload, in one group, then the error is the id conflict', async () => {
    const s = streams(3);
    const retried: AppendBatch = {
      streamId: s[0]!,
      events: withIds(eventsOf(s[0]!, 1, 1)),
      expected: 'no_stream',
    };
    const taken = withIds(eventsOf(s[2]!, 1, 1));
    await ledger.store.appendInOneTransaction(
      source([[retried, { streamId: s[2]!, events: taken }]]),
    );
    const clash = [{ ...eventsOf(s[1]!, 1, 1)[0]!, eventId: taken[0]!.eventId }];
    const err = await rejection(
      ledger.store.appendInOneTransaction(source([[retried, { streamId: s[1]!, events: clash }]])),
    );
    expect(err).toBeInstanceOf(EventIdConflictError);
  });
});
