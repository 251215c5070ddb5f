import type pg from 'pg';
import type { BudgetLineKey } from '../domain';
import { budgetStreamId } from '../domain';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from '../events/rows';
import type { RecordedEvent } from '../events/types';
import { asOfParams, asOfPredicate, type AsOf } from './as-of';
import { lineKeyOfRow } from './budget-lines';

/** One budget line an event changed, with its balance just before and just after the event. */
export interface LineMovement {
  lineId: string;
  line: BudgetLineKey;
  /** Exact yuan strings. */
  before: string;
  after: string;
  delta: string;
}

export interface ReplayedEvent {
  event: RecordedEvent;
  changes: LineMovement[];
}

type ReplayRow = EventRow & {
  line_id: string | null;
  unit_code: string;
  fund_source: string;
  functional_code: string;
  kind: string;
  dept_econ_code: string;
  gov_econ_code: string;
  project_code: string | null;
  origin: string;
  delta: string;
  before: string;
  after: string;
};

/**
 * The events of a unit-year's budget stream in (from, to], in log order, each with the lines it
 * moved. `from` is the state the replay starts from (exclusive: an auditor replays "what happened
 * after the publication"), `to` the last state included; both use the one AsOf definition.
 *
 * Before/after come from a running sum over the unit-year's postings up to `to`, partitioned by
 * line and ordered by the log order key: the database computes each balance in one pass, nothing
 * is folded here. The window must start at the beginning of the year (not at `from`), or the
 * first event's "before" would be wrong.
 */
export async function replayUnitYear(
  pool: pg.Pool,
  unitCode: string,
  fiscalYear: number,
  from: AsOf | null,
  to: AsOf,
): Promise<ReplayedEvent[]> {
  const { rows } = await pool.query<ReplayRow>(
    `WITH moves AS (
       SELECT p.*, sum(p.delta) OVER (PARTITION BY p.line_id ORDER BY p.transaction_id, p.global_position, p.ordinal) AS running
         FROM postings p
        WHERE p.fiscal_year = $2 AND p.unit_code = $3 AND ${asOfPredicate('p', 4)}
     )
     SELECT ${EVENT_COLUMNS}, m.line_id, m.unit_code, m.fund_source, m.functional_code, m.kind, m.dept_econ_code,
            m.gov_econ_code, m.project_code, m.origin, m.delta::text AS delta,
            (m.running - m.delta)::text AS before, m.running::text AS after
       FROM events e
       LEFT JOIN moves m ON m.global_position = e.global_position
      WHERE e.stream_id = $1 AND ${asOfPredicate('e', 4)}
        AND ($7::bigint IS NULL AND $8::timestamptz IS NULL AND $9::date IS NULL
             OR NOT coalesce(${asOfPredicate('e', 7)}, false))
      ORDER BY e.transaction_id, e.global_position, m.ordinal`,
    [
      budgetStreamId(unitCode, fiscalYear),
      fiscalYear,
      unitCode,
      ...asOfParams(to),
      ...(from ? asOfParams(from) : [null, null, null]),
    ],
  );
  const out: ReplayedEvent[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    const step =
      last && last.event.globalPosition === BigInt(r.global_position)
        ? last
        : out[out.push({ event: toRecordedEvent(r), changes: [] }) - 1];
    if (r.line_id !== null) step.changes.push(movement(r, fiscalYear));
  }
  return out;
}

function movement(r: ReplayRow, fiscalYear: number): LineMovement {
  return {
    lineId: r.line_id!,
    before: r.before,
    after: r.after,
    delta: r.delta,
    line: lineKeyOfRow(r, fiscalYear),
  };
}
