/**
 * The aggregate query (in the style of OpenSpending's babbage API: drilldown, cut, measures):
 * budget money summed by any combination of classification levels in one GROUP BY over the
 * postings, bounded by the AsOf predicate. Sums are exact yuan; rounding to 万元 happens once per
 * cell, in the caller, on these sums.
 */
import type pg from 'pg';
import { asOfParams, asOfPredicate, type AsOf } from './as-of';
import { lineCutSql, type LineCut } from './read-cut';

export type Dimension =
  | 'functionalClass'
  | 'functionalSection'
  | 'functionalItem'
  | 'deptEconClass'
  | 'deptEconItem'
  | 'govEconItem'
  | 'fundSource'
  | 'kind'
  | 'basicProject'
  | 'origin'
  | 'unit'
  | 'project';

/** The SQL of each dimension over postings `p`: 类/款/项 are the 3/5/7-digit prefixes of the code. */
const DIMENSION_SQL: Record<Dimension, string> = {
  functionalClass: 'left(p.functional_code, 3)',
  functionalSection: 'left(p.functional_code, 5)',
  functionalItem: 'p.functional_code',
  deptEconClass: 'left(p.dept_econ_code, 3)',
  deptEconItem: 'p.dept_econ_code',
  govEconItem: 'p.gov_econ_code',
  fundSource: 'p.fund_source',
  kind: 'p.kind',
  basicProject: `CASE WHEN p.kind = 'project' THEN 'project' ELSE 'basic' END`,
  origin: 'p.origin',
  unit: 'p.unit_code',
  // A project belongs to its unit: the unit travels with it so the name can be found.
  project: `CASE WHEN p.project_code IS NULL THEN NULL ELSE p.unit_code || '|' || p.project_code END`,
};

export interface AggregateRequest {
  fiscalYear: number;
  drilldown: readonly Dimension[];
  cut: LineCut;
  asOf: AsOf;
  /** By amount, or by the drilldown codes in drilldown order. */
  order: { by: 'amount' | 'codes'; descending: boolean };
  limit: number;
  offset: number;
}

export interface AggregateRows {
  /** One per cell: the drilldown codes (in drilldown order) and the exact yuan sum. */
  cells: { codes: (string | null)[]; amount: string }[];
  cellCount: number;
  /** Σ of every cell (not only the page), exact yuan. */
  total: string;
}

export async function aggregatePostings(
  pool: pg.Pool,
  req: AggregateRequest,
): Promise<AggregateRows> {
  const params: unknown[] = [req.fiscalYear, ...asOfParams(req.asOf)];
  const where = lineCutSql(req.cut, 'p', params);
  const dims = req.drilldown.map((d, i) => `${DIMENSION_SQL[d]} AS d${i}`);
  const groupBy = req.drilldown.length
    ? `GROUP BY ${req.drilldown.map((_, i) => i + 1).join(', ')}`
    : '';
  const dir = req.order.descending ? 'DESC' : 'ASC';
  const codesOrder = req.drilldown.map((_, i) => `d${i} ${dir} NULLS FIRST`);
  const orderBy =
    req.order.by === 'amount'
      ? [`amount ${dir}`, ...req.drilldown.map((_, i) => `d${i}`)]
      : codesOrder;
  params.push(req.limit, req.offset);
  // Sums are rounded to scale 2, not cast to a bounded numeric: a year's total of many large
  // lines may exceed what one line's column holds.
  const { rows } = await pool.query(
    `WITH cells AS (
       SELECT ${[...dims, 'round(coalesce(sum(p.delta), 0), 2) AS amount'].join(', ')}
         FROM postings p
        WHERE p.fiscal_year = $1 AND ${asOfPredicate('p', 2)} ${where}
        ${groupBy}
     )
     SELECT t.cell_count, t.total::text AS total, c.* FROM
       (SELECT count(*)::int AS cell_count, round(coalesce(sum(amount), 0), 2) AS total FROM cells) t
       LEFT JOIN LATERAL (SELECT *, amount::text AS amount_text FROM cells
                           ${orderBy.length ? `ORDER BY ${orderBy.join(', ')}` : ''}
                           LIMIT $${params.length - 1} OFFSET $${params.length}) c ON true`,
    params,
  );
  const cells = rows
    .filter((r) => r.amount_text !== null)
    .map((r) => ({
      codes: req.drilldown.map((_, i) => r[`d${i}`] as string | null),
      amount: r.amount_text as string,
    }));
  return { cells, cellCount: rows[0]?.cell_count ?? 0, total: rows[0]?.total ?? '0.00' };
}
