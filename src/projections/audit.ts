import type pg from 'pg';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '../events/rows';
import type { RecordedEvent } from '../events/types';

/** What an auditor may narrow the log to. Every field is optional; all given must hold. */
export interface EventLogFilter {
  streamId?: string | null;
  types?: readonly string[] | null;
  /**
   * The unit's registration stream and all of its budget streams (`unit-<u>`, `budget-<u>-<year>`).
   */
  unitCode?: string | null;
  actor?: string | null;
  /** The 文号 of the event: metadata.documentRef, or data.documentNumber for budget events. */
  documentNumber?: string | null;
  recordedFrom?: Date | null;
  recordedTo?: Date | null;
  /**
   * The units the caller may read (src/app/access-scope.ts): only their registration and budget
   * streams; [] matches no event, null any.
   */
  reach?: readonly string[] | null;
}

/** A page of the log: `limit` events after (forward) or before (backward) the cursor position. */
export interface LogPage {
  forward: boolean;
  limit: number;
  cursor: bigint | null;
}

/**
 * WHERE conditions for a filter, built from the fields present only, so the planner sees a plain
 * predicate (a stream id is then an index probe on (stream_id, stream_version); without one it
 * walks events_log_order in order and stops at the LIMIT).
 *
 * Only the settled log is listed (transactions older than the oldest running one), like the
 * catch-up readers: a cursor handed out never passes an event that commits later.
 */
function conditions(filter: EventLogFilter, params: unknown[]): string[] {
  const add = (value: unknown): string => `$${params.push(value)}`;
  const where = ['e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())'];
  if (filter.streamId != null) where.push(`e.stream_id = ${add(filter.streamId)}`);
  if (filter.types != null) where.push(`e.type = ANY(${add(filter.types)}::text[])`);
  if (filter.unitCode != null) {
    const u = add(filter.unitCode);
    // A unit's streams are named by src/domain/streams.ts; unit codes are digits, so LIKE is exact.
    where.push(`(e.stream_id = 'unit-' || ${u} OR e.stream_id LIKE 'budget-' || ${u} || '-%')`);
  }
  if (filter.reach != null) {
    // starts_with, not LIKE: "_" and "." are allowed in unit codes and must stay literal.
    where.push(`EXISTS (SELECT 1 FROM unnest(${add(filter.reach)}::text[]) AS r(u)
                 WHERE e.stream_id = 'unit-' || r.u OR starts_with(e.stream_id, 'budget-' || r.u || '-'))`);
  }
  if (filter.actor != null) where.push(`e.metadata->>'actor' = ${add(filter.actor)}`);
  if (filter.documentNumber != null) {
    const d = add(filter.documentNumber);
    where.push(`(e.metadata->>'documentRef' = ${d} OR e.data->>'documentNumber' = ${d})`);
  }
  if (filter.recordedFrom != null) where.push(`e.recorded_at >= ${add(filter.recordedFrom)}`);
  if (filter.recordedTo != null) where.push(`e.recorded_at <= ${add(filter.recordedTo)}`);
  return where;
}

/**
 * One page of the filtered log in log order ((transaction_id, global_position), see
 * EventStore.readAllBatch), fetching `limit + 1` rows so the caller knows whether there is more.
 * The cursor is a global position; the seek compares the log order key, which events_log_order
 * serves directly. Backward pages come newest first (the connection helper reverses them).
 */
export async function eventLogPage(
  pool: pg.Pool,
  filter: EventLogFilter,
  page: LogPage,
): Promise<RecordedEvent[]> {
  const params: unknown[] = [];
  const where = conditions(filter, params);
  if (page.cursor !== null) {
    const c = `$${params.push(page.cursor.toString())}::bigint`;
    where.push(`(e.transaction_id, e.global_position) ${page.forward ? '>' : '<'}
                ((SELECT transaction_id FROM events WHERE global_position = ${c}), ${c})`);
  }
  const dir = page.forward ? 'ASC' : 'DESC';
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events e WHERE ${where.join(' AND ')}
      ORDER BY e.transaction_id ${dir}, e.global_position ${dir} LIMIT ${Number(page.limit) + 1}`,
    params,
  );
  return rows.map(toRecordedEvent);
}

/** How many events of the settled log match the filter (the connection's totalCount). */
export async function eventLogCount(pool: pg.Pool, filter: EventLogFilter): Promise<number> {
  const params: unknown[] = [];
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM events e WHERE ${conditions(filter, params).join(' AND ')}`,
    params,
  );
  return Number(rows[0].n);
}

/** What one event wrote to the read models: line postings and fact versions. */
export interface EventTouch {
  postings: number;
  facts: number;
}

/**
 * Read models are written by trigger in the event's own transaction, so once an event is visible
 * this tells exactly whether it changed a disclosure's inputs (a submitted adjustment, for one,
 * changes neither).
 */
export async function eventTouch(pool: pg.Pool, globalPosition: bigint): Promise<EventTouch> {
  const { rows } = await pool.query<{ postings: string; facts: string }>(
    `SELECT (SELECT count(*) FROM postings WHERE global_position = $1) AS postings,
            (SELECT count(*) FROM fact_versions WHERE global_position = $1) AS facts`,
    [globalPosition.toString()],
  );
  return { postings: Number(rows[0].postings), facts: Number(rows[0].facts) };
}
