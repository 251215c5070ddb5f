import { randomUUID } from 'node:crypto';
import { isCalendarDate } from '../domain/calendar';
import type pg from 'pg';
import { BadInputError } from '../domain/errors';
import { canonicalJsonText } from './canonical';
import { ConcurrencyError, EventIdConflictError } from './errors';
import { Notifier } from './notify';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './rows';
import type {
  AppendBatch,
  AppendResult,
  EncodedEvent,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
} from './types';

const MAX_SERIALISATION_RETRIES = 50;

export interface ReadStreamOptions {
  fromVersion?: bigint;
  toVersion?: bigint;
  /** Only events at or before this global position, in log order (see readAll). */
  upToPosition?: bigint;
  /** Only events recorded at or before this instant: what the ledger knew then. */
  recordedAtOrBefore?: Date;
}

export interface AllBatch {
  events: RecordedEvent[];
  /** Pass back as `after` to continue; unchanged when nothing new was visible. */
  checkpoint: bigint;
}

/**
 * The PostgreSQL event store. It is the only code that writes the events table, and every append
 * is one statement in one transaction: the SQL function ledger_append (migrations 0001, 0005),
 * which handles any batch, idempotent retries and every expected-version kind with precise
 * errors; and, for the commonest case — one event — ledger_append_one (migrations/0009), a single
 * INSERT … SELECT doing the same head read, expectation test and hash through the same SQL
 * functions, without the loop or the batch's array arguments. Both run with the owner's rights:
 * the service role has no INSERT on the log. When ledger_append_one inserts nothing (the
 * expectation does not hold, a younger transaction holds the head, or the event id is already in
 * the log), ledger_append runs and says why, or answers the retry with the event as recorded.
 */
export class EventStore {
  private readonly notifier: Notifier;

  /** `pool` is the log's; the read models written in its transactions are read through it too. */
  constructor(readonly pool: pg.Pool) {
    this.notifier = new Notifier(pool);
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion = 'any',
  ): Promise<AppendResult> {
    const args = appendArguments(streamId, events, expected);
    for (let attempt = 0; ; attempt++) {
      try {
        const rows = await appendRows(this.pool, args);
        const result = toAppendResult(streamId, args.eventIds, rows);
        if (!result.alreadyRecorded) this.notifier.poke();
        return result;
      } catch (err) {
        if (lostRace(err) && attempt < MAX_SERIALISATION_RETRIES) continue;
        throw mapAppendError(err, streamId, expected);
      }
    }
  }

  /**
   * Appends groups of batches as they arrive, in ONE transaction, for a caller still deciding later
   * batches while earlier ones are appended (import-lines, whose units are decided in worker
   * threads while the database appends those already decided). A group is what the caller has
   * ready; each batch is one statement (APPEND_ONE_SQL for a batch of one event, else
   * APPEND_SQL; BENCHMARKS.md says why not one statement per group). All are recorded or none:
   * when `groups` throws, everything is rolled back and its error rethrown. Streams must come in
   * ascending id order: with one lock order, two transactions that touch the same streams never
   * wait for each other's stream heads (a deadlock
   * PostgreSQL would end by aborting one). A batch that cannot be appended as expected throws a
   * ConcurrencyError, and so does a lost race for a stream head (the batches cannot be replayed
   * here: the caller decides again on the new state).
   */
  async appendInOneTransaction(
    groups: AsyncIterable<readonly AppendBatch[]>,
  ): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    try {
      await this.inTransaction(async (client) => {
        let last: string | null = null;
        for await (const group of groups) {
          for (const batch of group) {
            if (last !== null && batch.streamId <= last)
              throw new BadInputError(
                'appendInOneTransaction takes streams once each, in ascending id order',
                {
                  streamId: batch.streamId,
                },
              );
            last = batch.streamId;
          }
          if (group.length === 0) continue;
          // Every batch's arguments first: bad input is refused before the group's first statement.
          const args = group.map((b) => appendArguments(b.streamId, b.events, b.expected ?? 'any'));
          for (let i = 0; i < group.length; i++)
            results.push(await appendOn(client, group[i]!, args[i]!));
        }
        return results;
      });
      return results;
    } catch (err) {
      // Another writer took the head first: the stream has moved past the version the batch was
      // decided on.
      if (err instanceof LostRace)
        throw new ConcurrencyError(
          err.streamId,
          err.expected,
          await this.streamVersion(err.streamId),
        );
      throw err;
    }
  }

  /**
   * BEGIN, `body` on the transaction's connection, COMMIT (or ROLLBACK when anything throws); the
   * subscribers are told when the appends it returns recorded anything new.
   */
  private async inTransaction(
    body: (client: pg.PoolClient) => Promise<readonly AppendResult[]>,
  ): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const results = await body(client);
      await client.query('COMMIT');
      if (results.some((r) => !r.alreadyRecorded)) this.notifier.poke();
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async readStream(streamId: string, opts: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events e
        WHERE e.stream_id = $1
          AND e.stream_version >= coalesce($2::bigint, 1)
          AND e.stream_version <= coalesce($3::bigint, 9223372036854775807)
          AND ($4::bigint IS NULL OR (e.transaction_id, e.global_position) <=
               ((SELECT transaction_id FROM events WHERE global_position = $4), $4))
          AND ($5::timestamptz IS NULL OR e.recorded_at <= $5)
        ORDER BY e.stream_version`,
      [
        streamId,
        opts.fromVersion ?? null,
        opts.toVersion ?? null,
        opts.upToPosition ?? null,
        opts.recordedAtOrBefore ?? null,
      ],
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * Several streams at once (one round trip): each id's events in version order, from
   * `fromVersions[i]` when given (else from the start); [] for a stream with none.
   */
  async readStreams(
    streamIds: readonly string[],
    fromVersions?: readonly (bigint | null)[],
  ): Promise<Map<string, RecordedEvent[]>> {
    // A stream named twice is read once, from the earlier of its versions.
    const from = new Map<string, bigint | null>();
    streamIds.forEach((id, i) => {
      const v = fromVersions?.[i] ?? null;
      const seen = from.get(id);
      from.set(
        id,
        seen === undefined ? v : seen === null || v === null ? null : seen < v ? seen : v,
      );
    });
    const ids = [...from.keys()];
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM unnest($1::text[], $2::bigint[]) AS s(stream_id, from_version)
         JOIN events e ON e.stream_id = s.stream_id AND e.stream_version >= coalesce(s.from_version, 1)
        ORDER BY e.stream_id, e.stream_version`,
      [ids, ids.map((id) => from.get(id)?.toString() ?? null)],
    );
    const streams = new Map<string, RecordedEvent[]>(ids.map((id) => [id, []]));
    for (const row of rows) streams.get(row.stream_id)!.push(toRecordedEvent(row));
    return streams;
  }

  /** Events by id, in the order of the ids given; ids not in the log are left out. */
  async readEvents(eventIds: readonly string[]): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)
         JOIN events e ON e.event_id = t.id ORDER BY t.ord`,
      [eventIds],
    );
    return rows.map(toRecordedEvent);
  }

  async streamVersion(streamId: string): Promise<bigint> {
    const { rows } = await this.pool.query<{ version: string }>(
      'SELECT version FROM streams WHERE stream_id = $1',
      [streamId],
    );
    return rows[0] ? BigInt(rows[0].version) : 0n;
  }

  /**
   * The next batch of the global log after `after` (0 = from the start).
   *
   * Why not `global_position > after`: positions come from a sequence when a row is inserted, but
   * rows become visible when their transaction commits. Writer A takes position 10, writer B
   * position 11; B commits first; a reader sees 11, moves its checkpoint to 11, and never sees 10.
   * Instead we order the log by (transaction_id, global_position) and only read transactions
   * older than the oldest one still running (pg_snapshot_xmin): every such transaction has
   * finished, and any transaction that has not finished, or has not started, gets a larger id.
   * So the visible prefix only ever grows at its end, and a checkpoint never passes an event
   * that will appear later. The query is served by the events_log_order index.
   *
   * `after` is normally an event's position (a checkpoint). A position no event has (one burnt
   * by a failed append, or beyond the head) resumes after the last settled event below it in log
   * order, never from the start of the log.
   */
  async readAllBatch(after: bigint, limit = 1000): Promise<AllBatch> {
    const { rows } = await this.pool.query<EventRow>(
      `WITH anchor AS (
         (SELECT transaction_id AS tx, global_position AS pos, 0 AS pri
            FROM events WHERE global_position = $1)
         UNION ALL
         (SELECT transaction_id, global_position, 1 FROM events
           WHERE global_position < $1 AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY transaction_id DESC, global_position DESC LIMIT 1)
         UNION ALL SELECT '0'::xid8, 0, 2
         ORDER BY pri LIMIT 1)
       SELECT ${EVENT_COLUMNS} FROM events e
        WHERE (e.transaction_id, e.global_position) > (SELECT tx, pos FROM anchor)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.global_position
        LIMIT $2`,
      [after, limit],
    );
    const events = rows.map(toRecordedEvent);
    return { events, checkpoint: events.length ? events[events.length - 1].globalPosition : after };
  }

  async *readAll(after = 0n, batchSize = 1000): AsyncGenerator<RecordedEvent> {
    let checkpoint = after;
    for (;;) {
      const batch = await this.readAllBatch(checkpoint, batchSize);
      yield* batch.events;
      if (batch.events.length < batchSize) return;
      checkpoint = batch.checkpoint;
    }
  }

  /** The last position of the settled log: every event at or before it, in log order, is final. */
  async settledPosition(): Promise<bigint> {
    const { rows } = await this.pool.query<{ p: string | null }>(
      `SELECT (SELECT global_position FROM events
                WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY transaction_id DESC, global_position DESC LIMIT 1) AS p`,
    );
    return BigInt(rows[0].p ?? 0);
  }

  async close(): Promise<void> {
    await this.notifier.close();
  }
}

interface AppendRow {
  global_position: string;
  stream_version: string;
  recorded_ms: string;
  hash: string;
  already_recorded: string;
}

// The append's result comes back as text and is converted below: a batch returns a row per
// event, and pg's generic parsers (a Date per timestamptz, a Buffer per bytea, then hex again)
// cost more per row than the columns are worth. The instant is sent as epoch milliseconds
// (JavaScript's precision) and the hash as hex.
const AS_TEXT = { getTypeParser: () => (value: string) => value };

const RESULT_COLUMNS = `global_position, stream_version, extract(epoch FROM recorded_at) * 1000 AS recorded_ms,
  encode(hash, 'hex') AS hash`;

// The events' data travels as one JSON array ($7), split by jsonb_array_elements: node-pg would
// escape every element of a jsonb[] parameter (backslashes and quotes, character by character),
// which cost a batch more than the rest of its client-side work. Metadata travels once per
// distinct value ($8) with each event's index into them ($11): the events of one command share
// their metadata, so a batch parses, escapes and sends it once, not per event. (No ORDER BY: a
// set-returning function yields elements in order and ARRAY() keeps the order of its rows; a sort
// would cost more than the rest of the expansion.)
const APPEND_SQL = `SELECT ${RESULT_COLUMNS}, already_recorded
  FROM ledger_append($1, $2, $3, $4::uuid[], $5::text[], $6::int[], ARRAY(SELECT jsonb_array_elements($7::jsonb)),
                     ARRAY(SELECT ($8::jsonb[])[k] FROM unnest($11::int[]) AS k), $9::date[], $10)`;

// One event: ledger_append's work for n = 1 as one INSERT, in the SQL function ledger_append_one
// (migrations/0009; the service role may not insert into the log itself). An event id already in
// the log (a retried command's derived id) inserts nothing, without an error that would abort the
// caller's transaction; ledger_append then answers as for any retry (measured on an import's
// 1,000-line events, the single INSERT cost the server a fifth less than ledger_append when the
// client sent it itself, BENCHMARKS.md; inside the function, definer switch included, a single
// append costs the server about 30 µs more than the statement alone: bench:append). No row
// either when the expectation fails or when the head was written by a younger transaction (see
// ledger_append: log order must follow stream order).
const APPEND_ONE_SQL = `SELECT ${RESULT_COLUMNS}, 'f' AS already_recorded
  FROM ledger_append_one($1::text, $2::text, $3::bigint, $4::uuid, $5::text, $6::int, $7::jsonb, $8::jsonb,
                         $9::date)`;

type AppendArguments = ReturnType<typeof appendArguments>;

/**
 * One batch's statement (APPEND_ONE_SQL for one event, else or when that inserts nothing
 * APPEND_SQL), on the pool or on a transaction's connection. Named statements: parsed and planned
 * once per connection, not once per append.
 */
async function appendRows(
  db: pg.Pool | pg.PoolClient,
  args: AppendArguments,
): Promise<AppendRow[]> {
  if (args.single) {
    const { rows } = await db.query<AppendRow>({
      name: 'ledger_append_one',
      text: APPEND_ONE_SQL,
      values: args.single,
      types: AS_TEXT,
    });
    // No row: the expectation did not hold, a younger transaction holds the head, or the id
    // is already recorded.
    if (rows.length === 1) return rows;
  }
  const { rows } = await db.query<AppendRow>({
    name: 'ledger_append',
    text: APPEND_SQL,
    values: args.values,
    types: AS_TEXT,
  });
  return rows;
}

/** One batch on a transaction's connection; a failure is its mapped error or a LostRace. */
async function appendOn(
  client: pg.PoolClient,
  batch: AppendBatch,
  args: AppendArguments,
): Promise<AppendResult> {
  try {
    return toAppendResult(batch.streamId, args.eventIds, await appendRows(client, args));
  } catch (err) {
    throw failure(err, batch);
  }
}

function failure(err: unknown, batch: AppendBatch): unknown {
  const expected = batch.expected ?? 'any';
  return lostRace(err)
    ? new LostRace(batch.streamId, expected, mapAppendError(err, batch.streamId, expected))
    : mapAppendError(err, batch.streamId, expected);
}

function appendArguments(
  streamId: string,
  events: readonly (NewEvent | EncodedEvent)[],
  expected: ExpectedVersion,
) {
  if (!streamId) throw new BadInputError('a stream id is required');
  if (events.length === 0) throw new BadInputError('append needs at least one event', { streamId });
  const eventIds = events.map((e) => e.eventId ?? randomUUID());
  for (const e of events) {
    if (!e.type) throw new BadInputError('every event needs a type', { streamId });
    if (e.effectiveDate != null && !isCalendarDate(e.effectiveDate)) {
      throw new BadInputError(`effective date must be YYYY-MM-DD, got "${e.effectiveDate}"`, {
        streamId,
      });
    }
  }
  const [kind, version] = typeof expected === 'bigint' ? ['exact', expected] : [expected, null];
  const types = events.map((e) => e.type);
  const schemaVersions = events.map((e) => e.schemaVersion ?? 1);
  // Canonical JSON text (NFC) of each event's data; a batch sends them joined as one JSON array.
  const data = events.map((e) => ('dataText' in e ? e.dataText : canonicalJsonText(e.data)));
  const { values: metadataValues, indexes: metadataIndexes } = distinctMetadata(events);
  const effectiveDates = events.map((e) => e.effectiveDate ?? null);
  // Ids we generated here cannot be in the log yet: skip the idempotency lookup.
  const idsMayExist = events.some((e) => e.eventId !== undefined);
  return {
    eventIds,
    values: [
      streamId,
      kind,
      version,
      eventIds,
      types,
      schemaVersions,
      `[${data.join(',')}]`,
      metadataValues,
      effectiveDates,
      idsMayExist,
      metadataIndexes,
    ],
    single:
      events.length === 1
        ? [
            streamId,
            kind,
            version,
            eventIds[0],
            types[0],
            schemaVersions[0],
            data[0],
            metadataValues[0],
            effectiveDates[0],
          ]
        : undefined,
  };
}

/** Each event's metadata as canonical JSON text, once per distinct text; 1-based indexes. */
function distinctMetadata(events: readonly (NewEvent | EncodedEvent)[]): {
  values: string[];
  indexes: number[];
} {
  const values: string[] = [];
  const indexOf = new Map<string, number>();
  let lastObject: NewEvent['metadata'] | null = null;
  let lastIndex = 0;
  const indexes = events.map((e) => {
    const encoded = 'metadataText' in e;
    // The events of one command carry the same metadata object: canonicalise it once.
    if (!encoded && e.metadata !== undefined && e.metadata === lastObject) return lastIndex;
    const text = encoded ? e.metadataText : canonicalJsonText(e.metadata ?? {});
    let index = indexOf.get(text);
    if (index === undefined) {
      index = values.push(text);
      indexOf.set(text, index);
    }
    lastObject = encoded ? null : (e.metadata ?? null);
    lastIndex = index;
    return index;
  });
  return { values, indexes };
}

function toAppendResult(streamId: string, eventIds: string[], rows: AppendRow[]): AppendResult {
  const events = rows.map((r, i) => ({
    eventId: eventIds[i],
    globalPosition: BigInt(r.global_position),
    streamVersion: BigInt(r.stream_version),
    // Whole milliseconds, truncated, as pg's own timestamptz parser does.
    recordedAt: new Date(Math.trunc(Number(r.recorded_ms))),
    hash: r.hash,
  }));
  return {
    streamId,
    nextExpectedVersion: events[events.length - 1].streamVersion,
    events,
    alreadyRecorded: rows.every((r) => r.already_recorded === 't'),
  };
}

/**
 * A lost race (see lostRace) inside a transaction, caused by the error it maps to: the transaction
 * cannot go on, and the stream has moved past what its batch was decided on.
 */
class LostRace extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    mapped: unknown,
  ) {
    super(`lost the race for the head of ${streamId}`, { cause: mapped });
  }
}

/**
 * Lost the race for the stream head (see ledger_append): 23505 on (stream_id, stream_version) when
 * another append took our version first, 40001 when our transaction id is older than the head's,
 * 40P01 when a multi-stream append was chosen as a deadlock's victim, 23505 on event_id when an
 * append of the same ids committed first.
 * A new statement re-reads the head, re-checks the expected version (a conflict then surfaces as
 * ConcurrencyError) and gets a new transaction id.
 */
function lostRace(err: unknown): boolean {
  const { code, constraint } = err as { code?: string; constraint?: string };
  // 23505 on event_id: another append of the same ids committed while ours waited on the index.
  // Run again, the idempotency check sees them: the same payload is the first append's result,
  // another payload an EventIdConflictError (BL002) that names the id.
  return (
    code === '40001' ||
    code === '40P01' ||
    (code === '23505' &&
      (constraint === 'events_stream_id_stream_version_key' ||
        constraint === 'events_event_id_key'))
  );
}

function mapAppendError(err: unknown, streamId: string, expected: ExpectedVersion): unknown {
  const e = err as { code?: string; detail?: string; message?: string; constraint?: string };
  if (e.code === 'BL001') return new ConcurrencyError(streamId, expected, BigInt(e.detail ?? '0'));
  if (e.code === 'BL002')
    return new EventIdConflictError(e.detail ?? '', e.message ?? 'event id conflict');
  // Same event id appended concurrently to another stream: the unique index decides.
  if (e.code === '23505' && e.constraint === 'events_event_id_key') {
    return new EventIdConflictError(
      '',
      'an event id of this append was recorded concurrently elsewhere',
    );
  }
  return err;
}
