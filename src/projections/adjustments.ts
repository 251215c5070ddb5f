import type pg from 'pg';
import { upcastLines, type AdjustmentType, type LineDelta } from '../domain';

export type AdjustmentStatus = 'submitted' | 'approved' | 'rejected';

export interface AdjustmentFilter {
  status?: AdjustmentStatus | null;
  /** Only these units (null: every unit). A budget officer's query is bounded to its own units. */
  unitCodes?: readonly string[] | null;
  fiscalYear?: number | null;
}

/** One step of an adjustment's life: the event, who caused it (token actor) and what it said. */
export interface AdjustmentStep {
  action: AdjustmentStatus;
  eventId: string;
  globalPosition: bigint;
  recordedAt: Date;
  /** The caller's token, from the event metadata. */
  actor: string | null;
  /** submittedBy / approvedBy / rejectedBy, as recorded in the event. */
  by: string;
  /** submittedAt / approvedAt / rejectedAt (business date). */
  at: string;
  documentNumber: string | null;
  reason: string | null;
  lines: LineDelta[];
}

export interface AdjustmentRow {
  adjustmentId: string;
  streamId: string;
  unitCode: string;
  fiscalYear: number;
  adjustmentType: AdjustmentType;
  status: AdjustmentStatus;
  reason: string;
  documentNumber: string;
  effectiveDate: string;
  lines: LineDelta[];
  /**
   * The submission, then the review if any (a review happens at most once:
   * adjustment.already-reviewed).
   */
  history: AdjustmentStep[];
  /** The submission's global position: the page key. */
  position: bigint;
}

export interface AdjustmentPage {
  /** Fetch `limit + 1` rows so the caller can tell whether there is more (see connection.ts). */
  limit: number;
  forward: boolean;
  /** Exclusive bound on the submission position. */
  after: bigint | null;
}

// An adjustment is its AdjustmentSubmitted event plus, at most, one review event of the same id on
// the same stream. Read straight from the log: three event types, no read model to keep in step.
const ADJUSTMENTS = `
  SELECT s.global_position::text AS position, s.event_id, s.stream_id, s.recorded_at, s.data, s.schema_version, s.metadata->>'actor' AS actor,
         m[1] AS unit_code, m[2]::integer AS fiscal_year,
         r.event_id AS r_event_id, r.type AS r_type, r.global_position::text AS r_position, r.recorded_at AS r_recorded_at,
         r.data AS r_data, r.schema_version AS r_schema_version, r.metadata->>'actor' AS r_actor,
         CASE r.type WHEN 'AdjustmentApproved' THEN 'approved' WHEN 'AdjustmentRejected' THEN 'rejected' ELSE 'submitted' END AS status
    FROM events s
    CROSS JOIN LATERAL regexp_match(s.stream_id, '^budget-(.+)-(\\d{4})$') AS m
    LEFT JOIN LATERAL (
      SELECT e.event_id, e.type, e.global_position, e.recorded_at, e.data, e.schema_version, e.metadata
        FROM events e
       WHERE e.stream_id = s.stream_id AND e.type IN ('AdjustmentApproved', 'AdjustmentRejected')
         AND e.data->>'adjustmentId' = s.data->>'adjustmentId'
       ORDER BY e.stream_version LIMIT 1
    ) r ON true
   WHERE s.type = 'AdjustmentSubmitted'`;

const FILTER = `($1::text IS NULL OR a.status = $1) AND ($2::text[] IS NULL OR a.unit_code = ANY($2::text[])) AND ($3::integer IS NULL OR a.fiscal_year = $3)`;

/**
 * A page of adjustments in submission order (oldest first going forward), and the filter's total.
 */
export async function listAdjustments(
  pool: pg.Pool,
  filter: AdjustmentFilter,
  page: AdjustmentPage,
): Promise<{ rows: AdjustmentRow[]; totalCount: number }> {
  const params = [filter.status ?? null, filter.unitCodes ?? null, filter.fiscalYear ?? null];
  const [cmp, order] = page.forward ? ['>', 'ASC'] : ['<', 'DESC'];
  const [list, count] = await Promise.all([
    pool.query(
      `SELECT * FROM (${ADJUSTMENTS}) a WHERE ${FILTER} AND ($4::bigint IS NULL OR a.position::bigint ${cmp} $4::bigint)
        ORDER BY a.position::bigint ${order} LIMIT $5`,
      [...params, page.after?.toString() ?? null, page.limit + 1],
    ),
    pool.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM (${ADJUSTMENTS}) a WHERE ${FILTER}`,
      params,
    ),
  ]);
  return { rows: list.rows.map(toRow), totalCount: count.rows[0]?.n ?? 0 };
}

type Data = Record<string, unknown>;

function toRow(r: Record<string, unknown>): AdjustmentRow {
  const d = r.data as Data;
  // Lines with their keys, whatever schema version the events were stored at.
  const lines = upcastLines(Number(r.schema_version), (d.lines ?? []) as LineDelta[]);
  const history: AdjustmentStep[] = [
    step(
      'submitted',
      r.event_id,
      r.position,
      r.recorded_at,
      r.actor,
      d,
      d.submittedBy,
      d.submittedAt,
      d.reason,
      lines,
    ),
  ];
  if (r.r_type) {
    const rd = r.r_data as Data;
    const approved = r.r_type === 'AdjustmentApproved';
    history.push(
      step(
        approved ? 'approved' : 'rejected',
        r.r_event_id,
        r.r_position,
        r.r_recorded_at,
        r.r_actor,
        rd,
        approved ? rd.approvedBy : rd.rejectedBy,
        approved ? rd.approvedAt : rd.rejectedAt,
        rd.reason ?? null,
        upcastLines(Number(r.r_schema_version), (rd.lines ?? []) as LineDelta[]),
      ),
    );
  }
  return {
    adjustmentId: String(d.adjustmentId),
    streamId: String(r.stream_id),
    unitCode: String(r.unit_code),
    fiscalYear: Number(r.fiscal_year),
    adjustmentType: d.adjustmentType as AdjustmentType,
    status: r.status as AdjustmentStatus,
    reason: String(d.reason),
    documentNumber: String(d.documentNumber),
    effectiveDate: String(d.effectiveDate),
    lines,
    history,
    position: BigInt(String(r.position)),
  };
}

function step(
  action: AdjustmentStatus,
  eventId: unknown,
  position: unknown,
  recordedAt: unknown,
  actor: unknown,
  data: Data,
  by: unknown,
  at: unknown,
  reason: unknown,
  lines: LineDelta[],
): AdjustmentStep {
  return {
    action,
    eventId: String(eventId),
    globalPosition: BigInt(String(position)),
    recordedAt: recordedAt as Date,
    actor: actor == null ? null : String(actor),
    by: String(by),
    at: String(at),
    documentNumber: data.documentNumber == null ? null : String(data.documentNumber),
    reason: reason == null ? null : String(reason),
    lines,
  };
}
