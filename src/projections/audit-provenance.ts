import type pg from 'pg';
import { fundSourcesUnder } from '../domain/reference/types';
import { asOfParams, asOfPredicate, type AsOf } from './as-of';

type LineKind = 'personnel' | 'public' | 'project';

/**
 * A set of budget lines described by their key fields: the SQL image of a disclosure cell's line
 * predicate (src/domain/disclosure). Absent fields do not restrict; an empty list matches nothing.
 */
export interface PostingScope {
  unitCodes: readonly string[];
  fundSources?: readonly string[];
  origin?: 'current' | 'carry-over';
  kinds?: readonly LineKind[];
  /** Functional 类/款/项 code the line's 项 starts with. */
  functionalPrefix?: string;
  deptEconCodes?: readonly string[];
  /** Department economic 类 (3 digits) the line's 款 starts with. */
  deptEconPrefix?: string;
  govEconCode?: string;
  projectCode?: string;
}

/** One posting (a line change by one event) with who did it and on which document. */
export interface ContributingPosting {
  globalPosition: bigint;
  eventId: string;
  eventType: string;
  streamId: string;
  recordedAt: Date;
  effectiveDate: string | null;
  actor: string | null;
  documentNumber: string | null;
  lineId: string;
  /** Exact yuan. */
  delta: string;
}

function conditions(scope: PostingScope, fiscalYear: number, params: unknown[]): string[] {
  const add = (v: unknown): string => `$${params.push(v)}`;
  const where = [
    `p.fiscal_year = ${add(fiscalYear)}`,
    `p.unit_code = ANY(${add(scope.unitCodes)}::text[])`,
  ];
  // A cell of 单位资金 is fed by lines of its kinds too (fundSourceGroup in the domain's predicates).
  if (scope.fundSources)
    where.push(`p.fund_source = ANY(${add(fundSourcesUnder(scope.fundSources))}::text[])`);
  if (scope.origin) where.push(`p.origin = ${add(scope.origin)}`);
  if (scope.kinds) where.push(`p.kind = ANY(${add(scope.kinds)}::text[])`);
  // starts_with, not LIKE: a code is data, never a pattern.
  if (scope.functionalPrefix)
    where.push(`starts_with(p.functional_code, ${add(scope.functionalPrefix)})`);
  if (scope.deptEconCodes)
    where.push(`p.dept_econ_code = ANY(${add(scope.deptEconCodes)}::text[])`);
  if (scope.deptEconPrefix)
    where.push(`starts_with(p.dept_econ_code, ${add(scope.deptEconPrefix)})`);
  if (scope.govEconCode) where.push(`p.gov_econ_code = ${add(scope.govEconCode)}`);
  if (scope.projectCode) where.push(`p.project_code = ${add(scope.projectCode)}`);
  return where;
}

/**
 * Every posting of a department-year that feeds the lines in `scope`, up to a point in time, in
 * log order. Served by postings_unit_year_order; the event is joined only for its metadata.
 */
export async function contributingPostings(
  pool: pg.Pool,
  fiscalYear: number,
  scope: PostingScope,
  asOf: AsOf,
): Promise<ContributingPosting[]> {
  const params: unknown[] = [];
  const where = conditions(scope, fiscalYear, params);
  const first = params.length + 1;
  params.push(...asOfParams(asOf));
  const { rows } = await pool.query<{
    global_position: string;
    event_id: string;
    event_type: string;
    stream_id: string;
    recorded_at: Date;
    effective_date: string | null;
    actor: string | null;
    document_number: string | null;
    line_id: string;
    delta: string;
  }>(
    `SELECT p.global_position, e.event_id, p.event_type, p.stream_id, p.recorded_at,
            to_char(p.effective_date, 'YYYY-MM-DD') AS effective_date, e.metadata->>'actor' AS actor,
            coalesce(e.metadata->>'documentRef', e.data->>'documentNumber') AS document_number,
            p.line_id, p.delta::text AS delta
       FROM postings p JOIN events e ON e.global_position = p.global_position
      WHERE ${where.join(' AND ')} AND ${asOfPredicate('p', first)}
      ORDER BY p.transaction_id, p.global_position, p.ordinal`,
    params,
  );
  return rows.map((r) => ({
    globalPosition: BigInt(r.global_position),
    eventId: r.event_id,
    eventType: r.event_type,
    streamId: r.stream_id,
    recordedAt: r.recorded_at,
    effectiveDate: r.effective_date,
    actor: r.actor,
    documentNumber: r.document_number,
    lineId: r.line_id,
    delta: r.delta,
  }));
}
