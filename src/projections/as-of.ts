import type pg from 'pg';

/**
 * A point in the ledger's history. Any combination may be given:
 * - position: what the ledger held up to this global position, in log order
 *   ((transaction_id, global_position), see src/events/event-store.ts readAllBatch);
 * - recordedAt: what the ledger knew at this instant (events recorded at or before it);
 * - effectiveOn: what was in force on this business date (events effective on or before it).
 * None given: now.
 */
export interface AsOf {
  position?: bigint;
  recordedAt?: Date;
  effectiveOn?: string;
}

/**
 * The SQL predicate for an AsOf over a table with transaction_id, global_position, recorded_at
 * and effective_date columns (postings, fact_versions, events), aliased `alias`, with the three
 * bounds at parameters $first, $first+1, $first+2. One definition for every read model.
 */
export function asOfPredicate(alias: string, first: number): string {
  const [p, t, d] = [first, first + 1, first + 2].map((n) => `$${n}`);
  return `(${p}::bigint IS NULL OR (${alias}.transaction_id, ${alias}.global_position) <=
            ((SELECT transaction_id FROM events WHERE global_position <= ${p}::bigint
               ORDER BY global_position DESC LIMIT 1), ${p}::bigint))
     AND (${t}::timestamptz IS NULL OR ${alias}.recorded_at <= ${t}::timestamptz)
     AND (${d}::date IS NULL OR ${alias}.effective_date <= ${d}::date)`;
}

export function asOfParams(asOf: AsOf): [string | null, Date | null, string | null] {
  return [asOf.position?.toString() ?? null, asOf.recordedAt ?? null, asOf.effectiveOn ?? null];
}

/**
 * When the ledger recorded the last event inside a point (in log order), or null when the point
 * holds none: a time that follows from the point alone, for a document's date.
 */
export async function lastRecordedAt(pool: pg.Pool, asOf: AsOf): Promise<Date | null> {
  const { rows } = await pool.query<{ recorded_at: Date }>(
    `SELECT e.recorded_at FROM events e WHERE ${asOfPredicate('e', 1)}
      ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
    asOfParams(asOf),
  );
  return rows[0]?.recorded_at ?? null;
}
