import type pg from 'pg';

/**
 * Tamper evidence. What verify cannot see on its own: the deletion of a stream's *last* events,
 * which leaves a shorter but intact chain. That is what the digest is for: an auditor keeps it
 * outside the system, and re-checking it later catches any change up to its position.
 * Each event's hash chains to the previous event of its stream (ledger_append);
 * the canonical bytes and the hash are SQL functions defined once (migrations/0001), and both
 * verification and the digest use those same functions, so there is no second implementation to
 * drift from the first.
 */

export interface BrokenEvent {
  globalPosition: bigint;
  streamId: string;
  streamVersion: bigint;
  eventId: string;
  problem: 'version-gap' | 'chain-broken' | 'content-altered';
}

/**
 * A read-model row that is not what the events imply: `no-event` (no event makes it: a forged
 * row), `changed` (an event makes a row with this key, with other values), `missing` (an event
 * makes it and it is not there).
 */
export interface ReadModelDifference {
  table: 'line_postings' | 'posting_sets' | 'fact_versions';
  globalPosition: bigint;
  /** The row's key beside its position: a posting's line ordinal, a fact version's fact:key. */
  key: string;
  problem: 'no-event' | 'changed' | 'missing';
  /** The row the events imply (JSON), or null. */
  expected: string | null;
  /** The row stored (JSON), or null. */
  actual: string | null;
}

export interface VerifyResult {
  /** Every chain intact and every read-model row exactly what the events imply. */
  ok: boolean;
  eventsChecked: bigint;
  streamsChecked: bigint;
  firstBroken: BrokenEvent | null;
  /** Rows of line_postings, posting_sets and fact_versions compared with the events. */
  readModelRowsChecked: bigint;
  firstReadModelDifference: ReadModelDifference | null;
}

// Recomputes every event's hash from its stored content and compares it, its prev_hash with the
// stored hash of the previous version, and its version with the previous version + 1. The first
// failure in log order is reported. $1 = position bound in log order, or null for the whole log.
const CHECK_EVENTS_SQL = `
WITH bound AS (
  SELECT (SELECT transaction_id FROM events WHERE global_position = $1) AS tx
), checked AS (
  SELECT e.global_position, e.transaction_id, e.stream_id, e.stream_version, e.event_id,
    CASE
      WHEN e.stream_version <> coalesce(lag(e.stream_version) OVER w, 0) + 1 THEN 'version-gap'
      WHEN e.prev_hash <> coalesce(lag(e.hash) OVER w, ledger_genesis_hash()) THEN 'chain-broken'
      WHEN e.hash <> ledger_event_hash(e.prev_hash, e.global_position, e.stream_id, e.stream_version,
             e.event_id, e.type, e.schema_version, e.data, e.metadata, e.recorded_at, e.effective_date)
        THEN 'content-altered'
    END AS problem
  FROM events e, bound
  WHERE $1::bigint IS NULL OR (e.transaction_id, e.global_position) <= (bound.tx, $1::bigint)
  WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.stream_version)
)
SELECT global_position, stream_id, stream_version, event_id, problem,
       (SELECT count(*) FROM checked) AS events_checked,
       (SELECT count(DISTINCT stream_id) FROM checked) AS streams_checked
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (SELECT * FROM checked WHERE problem IS NOT NULL
                      ORDER BY transaction_id, global_position LIMIT 1) bad ON true`;

// The read models recomputed from the events with the functions the projection trigger and
// rebuild use (migrations/0006), and compared with what is stored, row for row: the rows only
// one side has (EXCEPT ALL both ways), matched on their key. Bounded like CHECK_EVENTS_SQL.
// The trigger's own choice is repeated here: an event with more lines than ledger_inline_lines()
// gets a posting set and no per-line rows, so its lines are not unnested only to be discarded.
const inBound = (t: string) => `($1::bigint IS NULL OR (${t}.transaction_id, ${t}.global_position)
  <= ((SELECT transaction_id FROM events WHERE global_position = $1), $1::bigint))`;
const LINE_EVENT = `e.type IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved')`;
const compare = (table: string, implied: string, key: string, on: string) => `
  SELECT '${table}' AS tbl, coalesce(x.global_position, a.global_position) AS global_position,
         coalesce(${key.replace(/@/g, 'x')}, ${key.replace(/@/g, 'a')}) AS key,
         CASE WHEN x.global_position IS NULL THEN 'no-event'
              WHEN a.global_position IS NULL THEN 'missing' ELSE 'changed' END AS problem,
         to_jsonb(x)::text AS expected, to_jsonb(a)::text AS actual
    FROM (${implied} EXCEPT ALL SELECT * FROM ${table} r WHERE ${inBound('r')}) x
    FULL JOIN (SELECT * FROM ${table} r WHERE ${inBound('r')} EXCEPT ALL ${implied}) a
      ON ${on}`;
const CHECK_READ_MODELS_SQL = `
WITH differences AS (${compare(
  'line_postings',
  `SELECT p.* FROM events e, LATERAL ledger_line_postings_of(e) p WHERE ${inBound('e')}
      AND NOT (${LINE_EVENT} AND jsonb_array_length(e.data->'lines') > ledger_inline_lines())`,
  '@.ordinal::text',
  'x.global_position = a.global_position AND x.ordinal = a.ordinal',
)}
  UNION ALL ${compare(
    'posting_sets',
    `SELECT s.* FROM events e, LATERAL ledger_posting_set_of(e) s WHERE ${inBound('e')}
      AND ${LINE_EVENT}`,
    "''::text",
    'x.global_position = a.global_position',
  )}
  UNION ALL ${compare(
    'fact_versions',
    `SELECT f.* FROM events e, LATERAL ledger_facts_of(e) f WHERE ${inBound('e')}`,
    "@.fact || ':' || @.fact_key",
    'x.global_position = a.global_position AND x.fact = a.fact AND x.fact_key = a.fact_key',
  )}
)
SELECT d.*,
       (SELECT count(*) FROM line_postings r WHERE ${inBound('r')})
       + (SELECT count(*) FROM posting_sets r WHERE ${inBound('r')})
       + (SELECT count(*) FROM fact_versions r WHERE ${inBound('r')}) AS rows_checked
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (SELECT * FROM differences
                      ORDER BY global_position, tbl, key LIMIT 1) d ON true`;

/**
 * Recomputes every hash chain and every read-model row (up to `upToPosition` in log order), in one
 * snapshot; names the first broken event and the first read-model row that differs.
 */
export async function verifyLedger(
  pool: pg.Pool,
  upToPosition: bigint | null = null,
): Promise<VerifyResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const chains = await verifyChains(client, upToPosition);
    const { rows } = await client.query(CHECK_READ_MODELS_SQL, [upToPosition]);
    await client.query('COMMIT');
    const r = rows[0];
    const difference: ReadModelDifference | null =
      r.problem == null
        ? null
        : {
            table: r.tbl,
            globalPosition: BigInt(r.global_position),
            key: r.key,
            problem: r.problem,
            expected: r.expected,
            actual: r.actual,
          };
    return {
      ...chains,
      ok: chains.firstBroken === null && difference === null,
      readModelRowsChecked: BigInt(r.rows_checked),
      firstReadModelDifference: difference,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The hash chains only: what a digest re-check needs. */
async function verifyChains(
  db: pg.Pool | pg.PoolClient,
  upToPosition: bigint | null,
): Promise<Pick<VerifyResult, 'eventsChecked' | 'streamsChecked' | 'firstBroken'>> {
  const { rows } = await db.query(CHECK_EVENTS_SQL, [upToPosition]);
  const r = rows[0];
  return {
    eventsChecked: BigInt(r.events_checked),
    streamsChecked: BigInt(r.streams_checked),
    firstBroken:
      r.problem == null
        ? null
        : {
            globalPosition: BigInt(r.global_position),
            streamId: r.stream_id,
            streamVersion: BigInt(r.stream_version),
            eventId: r.event_id,
            problem: r.problem,
          },
  };
}

export interface LedgerDigest {
  /** The position the digest covers, in log order: every event up to and including it. */
  position: bigint;
  digest: string;
  streams: bigint;
}

// digest = SHA-256 of "budget-ledger/digest/v1\n<position>\n" followed by one line per stream,
// sorted by stream id in byte order: "<stream id>\t<version>\t<head hash hex>\n", where the head is
// the stream's last event at or before the position in log order.
const DIGEST_SQL = `
WITH bound AS (
  SELECT transaction_id AS tx FROM events WHERE global_position = $1
), heads AS (
  SELECT DISTINCT ON (e.stream_id) e.stream_id, e.stream_version, e.hash
    FROM events e, bound
   WHERE (e.transaction_id, e.global_position) <= (bound.tx, $1::bigint)
   ORDER BY e.stream_id, e.stream_version DESC
)
SELECT encode(sha256(convert_to('budget-ledger/digest/v1' || E'\\n' || $1::text || E'\\n' ||
         coalesce(string_agg(stream_id || E'\\t' || stream_version || E'\\t' || encode(hash, 'hex') || E'\\n',
                             '' ORDER BY stream_id COLLATE "C"), ''), 'UTF8')), 'hex') AS digest,
       count(*) AS streams,
       (SELECT tx < pg_snapshot_xmin(pg_current_snapshot()) FROM bound) AS settled,
       (SELECT count(*) FROM bound) AS found
  FROM heads`;

export class DigestError extends Error {}

/** The digest of the log up to `position` (which must be an event's position, already settled). */
export async function ledgerDigest(pool: pg.Pool, position: bigint): Promise<LedgerDigest> {
  if (position === 0n) {
    throw new DigestError('position 0 is the empty log; ask for the digest at an event position');
  }
  const { rows } = await pool.query(DIGEST_SQL, [position]);
  const r = rows[0];
  if (Number(r.found) === 0) throw new DigestError(`no event at position ${position}`);
  // An unsettled position may still gain earlier events in log order: its digest is not final.
  if (!r.settled)
    throw new DigestError(`position ${position} is not settled yet; retry in a moment`);
  return { position, digest: r.digest, streams: BigInt(r.streams) };
}

export interface DigestCheck {
  ok: boolean;
  expected: string;
  actual: string | null;
  /** When content up to the position was altered: the first event whose stored hash is wrong. */
  firstBroken: BrokenEvent | null;
}

/**
 * Re-checks a digest an auditor kept. Stored hashes alone are not enough (a forger with
 * superuser rights can change data and leave the hash), so the chains up to the position are
 * recomputed from content first; then the heads' digest is compared.
 */
export async function checkDigest(
  pool: pg.Pool,
  expected: string,
  position: bigint,
): Promise<DigestCheck> {
  const verified = await verifyChains(pool, position);
  if (verified.firstBroken)
    return { ok: false, expected, actual: null, firstBroken: verified.firstBroken };
  const actual = await ledgerDigest(pool, position);
  return {
    ok: actual.digest === expected.toLowerCase(),
    expected,
    actual: actual.digest,
    firstBroken: null,
  };
}
