import type pg from 'pg';
import type { BudgetLineKey } from '../domain';
import { asOfParams, asOfPredicate, type AsOf } from './as-of';

/** The line-key columns of a postings row, as every read of postings selects them. */
export interface PostingLineColumns {
  unit_code: string;
  fund_source: string;
  functional_code: string;
  kind: string;
  dept_econ_code: string;
  gov_econ_code: string;
  project_code: string | null;
  origin: string;
}

/** The budget line a postings row belongs to (the columns are written from a BudgetLineKey). */
export function lineKeyOfRow(r: PostingLineColumns, fiscalYear: number): BudgetLineKey {
  return {
    unitCode: r.unit_code,
    fiscalYear,
    fundSource: r.fund_source as BudgetLineKey['fundSource'],
    functionalCode: r.functional_code,
    kind: r.kind as BudgetLineKey['kind'],
    deptEconCode: r.dept_econ_code,
    govEconCode: r.gov_econ_code,
    projectCode: r.project_code,
    origin: r.origin as BudgetLineKey['origin'],
  };
}

export interface LineBalanceRow {
  lineId: string;
  line: BudgetLineKey;
  /** Exact yuan, 2 decimals, as a string. */
  amount: string;
}

/**
 * Line balances of some units in a fiscal year at a point in time: one indexed GROUP BY over the
 * append-only postings (postings_unit_year_order), no replay. Lines that net to zero are kept:
 * they existed, and a diff between two dates must be able to show them.
 */
export async function lineBalances(
  pool: pg.Pool,
  unitCodes: readonly string[],
  fiscalYear: number,
  asOf: AsOf = {},
): Promise<LineBalanceRow[]> {
  const { rows } = await pool.query<PostingLineColumns & { line_id: string; amount: string }>(
    `SELECT p.line_id, p.unit_code, p.fund_source, p.functional_code, p.kind, p.dept_econ_code,
            p.gov_econ_code, p.project_code, p.origin, sum(p.delta)::text AS amount
       FROM postings p
      WHERE p.fiscal_year = $1 AND p.unit_code = ANY($2::text[]) AND ${asOfPredicate('p', 3)}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
      ORDER BY p.line_id`,
    [fiscalYear, unitCodes, ...asOfParams(asOf)],
  );
  return rows.map((r) => ({
    lineId: r.line_id,
    amount: r.amount,
    line: lineKeyOfRow(r, fiscalYear),
  }));
}
