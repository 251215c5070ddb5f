/**
 * The SQL of the GraphQL read API (src/graphql/read): units, fiscal years, projects and budget
 * lines, all from the append-only read models (fact_versions, postings) with the one AsOf
 * predicate. Resolvers stay thin and never hold SQL.
 */
import type pg from 'pg';
import { asOfParams, asOfPredicate, type AsOf } from './as-of';
import { lineCutSql, type LineCut } from './read-cut';

export interface UnitRow {
  unitCode: string;
  name: string;
  kind: string;
  parentUnitCode: string | null;
  departmentCode: string;
  staffing: { authorized: number | null; actual: number | null };
  registeredAt: string;
}

/**
 * Registered units (latest registration version), in registration order; all of them when `codes`
 * is null.
 */
export async function registeredUnits(
  pool: pg.Pool,
  codes: readonly string[] | null = null,
): Promise<UnitRow[]> {
  const { rows } = await pool.query<{
    unit_code: string;
    payload: Record<string, unknown>;
    global_position: string;
  }>(
    `SELECT DISTINCT ON (unit_code) unit_code, payload, global_position FROM fact_versions
      WHERE fact = 'unit' AND payload IS NOT NULL AND ($1::text[] IS NULL OR unit_code = ANY($1::text[]))
      ORDER BY unit_code, transaction_id DESC, global_position DESC`,
    [codes],
  );
  return rows
    .sort((a, b) => Number(BigInt(a.global_position) - BigInt(b.global_position)))
    .map(({ unit_code, payload: p }) => ({
      unitCode: unit_code,
      name: String(p.name),
      kind: String(p.kind),
      parentUnitCode: (p.parentUnitCode as string | null) ?? null,
      departmentCode: String(p.departmentCode),
      staffing: (p.staffing as UnitRow['staffing']) ?? { authorized: null, actual: null },
      registeredAt: String(p.registeredAt),
    }));
}

export interface FiscalYearRow {
  unitCode: string;
  fiscalYear: number;
  openedAt: string;
  /**
   * Position recorded by the department's latest publication of the year, if made after the year
   * was opened; null otherwise.
   */
  publishedPosition: string | null;
  publishedAt: string | null;
  closedAt: string | null;
}

/**
 * The opened fiscal years of some units (all when null), with publication and closing, by unit then
 * year.
 */
export async function fiscalYearsOf(
  pool: pg.Pool,
  unitCodes: readonly string[] | null,
): Promise<FiscalYearRow[]> {
  // Publication is the department's: any of its units publishes the disclosure that consolidates
  // them all (publishedPosition), so a subordinate unit's year is published by its department's
  // latest publication — when that publication came after the year was opened (its figures are
  // in it).
  const { rows } = await pool.query(
    `WITH dept AS (SELECT DISTINCT ON (unit_code) unit_code, payload->>'departmentCode' AS department_code
                     FROM fact_versions WHERE fact = 'unit' ORDER BY unit_code, transaction_id DESC, global_position DESC)
     SELECT y.unit_code, y.fiscal_year, y.payload->>'openedAt' AS opened_at,
            pub.payload->>'ledgerPosition' AS published_position, pub.payload->>'publishedAt' AS published_at,
            cl.payload->>'closedAt' AS closed_at
       FROM fact_versions y
       LEFT JOIN LATERAL (SELECT p.payload FROM fact_versions p
                           WHERE p.fact = 'publication' AND p.fiscal_year = y.fiscal_year
                             AND p.unit_code IN (SELECT d.unit_code FROM dept d WHERE d.department_code =
                                                   (SELECT o.department_code FROM dept o WHERE o.unit_code = y.unit_code))
                           ORDER BY p.transaction_id DESC, p.global_position DESC LIMIT 1) latest ON true
       LEFT JOIN LATERAL (SELECT latest.payload WHERE (latest.payload->>'ledgerPosition')::bigint >= y.global_position) pub ON true
       LEFT JOIN LATERAL (SELECT payload FROM fact_versions c WHERE c.fact = 'closing' AND c.unit_code = y.unit_code
                            AND c.fiscal_year = y.fiscal_year ORDER BY c.transaction_id DESC, c.global_position DESC LIMIT 1) cl ON true
      WHERE y.fact = 'year' AND ($1::text[] IS NULL OR y.unit_code = ANY($1::text[]))
      ORDER BY y.unit_code, y.fiscal_year`,
    [unitCodes],
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    fiscalYear: r.fiscal_year,
    openedAt: r.opened_at,
    publishedPosition: r.published_position,
    publishedAt: r.published_at,
    closedAt: r.closed_at,
  }));
}

export interface ProjectRow {
  unitCode: string;
  fiscalYear: number;
  code: string;
  payload: Record<string, unknown>;
  /** Exact yuan on the project's lines at the point asked. */
  amount: string;
}

/**
 * Projects registered in a fiscal year (of some units, or all when null) at a point in time, in
 * registration order, with the money on their lines at that same point.
 */
export async function projectsAt(
  pool: pg.Pool,
  fiscalYear: number,
  unitCodes: readonly string[] | null,
  asOf: AsOf = {},
): Promise<ProjectRow[]> {
  const { rows } = await pool.query(
    `WITH latest AS (
       SELECT DISTINCT ON (f.unit_code, f.fact_key) f.unit_code, f.fact_key, f.payload,
              min(f.global_position) OVER (PARTITION BY f.unit_code, f.fact_key) AS first_position
         FROM fact_versions f
        WHERE f.fact = 'project' AND f.fiscal_year = $1 AND ($2::text[] IS NULL OR f.unit_code = ANY($2::text[])) AND ${asOfPredicate('f', 3)}
        ORDER BY f.unit_code, f.fact_key, f.transaction_id DESC, f.global_position DESC
     ), money AS (
       SELECT p.unit_code, p.project_code, sum(p.delta)::text AS amount FROM postings p
        WHERE p.fiscal_year = $1 AND p.project_code IS NOT NULL AND ($2::text[] IS NULL OR p.unit_code = ANY($2::text[])) AND ${asOfPredicate('p', 3)}
        GROUP BY 1, 2
     )
     SELECT l.unit_code, l.fact_key, l.payload, coalesce(m.amount, '0.00') AS amount
       FROM latest l LEFT JOIN money m ON m.unit_code = l.unit_code AND m.project_code = l.fact_key
      WHERE l.payload IS NOT NULL
      ORDER BY l.first_position, l.fact_key`,
    [fiscalYear, unitCodes, ...asOfParams(asOf)],
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    fiscalYear,
    code: r.fact_key,
    payload: r.payload,
    amount: r.amount,
  }));
}

/**
 * Project names by (unit, year, code), latest registration: for budget lines and aggregate cells.
 */
export async function projectNames(
  pool: pg.Pool,
  keys: readonly { unitCode: string; fiscalYear: number; code: string }[],
): Promise<Map<string, string>> {
  const { rows } = await pool.query<{
    unit_code: string;
    fiscal_year: number;
    fact_key: string;
    name: string;
  }>(
    `SELECT DISTINCT ON (f.unit_code, f.fiscal_year, f.fact_key) f.unit_code, f.fiscal_year, f.fact_key, f.payload->>'name' AS name
       FROM fact_versions f
       JOIN unnest($1::text[], $2::int[], $3::text[]) AS k(unit_code, fiscal_year, code)
         ON f.unit_code = k.unit_code AND f.fiscal_year = k.fiscal_year AND f.fact_key = k.code
      WHERE f.fact = 'project' AND f.payload IS NOT NULL
      ORDER BY f.unit_code, f.fiscal_year, f.fact_key, f.transaction_id DESC, f.global_position DESC`,
    [keys.map((k) => k.unitCode), keys.map((k) => k.fiscalYear), keys.map((k) => k.code)],
  );
  return new Map(rows.map((r) => [projectKey(r.unit_code, r.fiscal_year, r.fact_key), r.name]));
}

export const projectKey = (unitCode: string, fiscalYear: number, code: string): string =>
  `${unitCode}|${fiscalYear}|${code}`;

export interface LineRow {
  lineId: string;
  unitCode: string;
  fiscalYear: number;
  fundSource: string;
  functionalCode: string;
  kind: string;
  deptEconCode: string;
  govEconCode: string;
  projectCode: string | null;
  origin: string;
  amount: string;
}

export interface LinePage {
  totalCount: number;
  /** limit + 1 rows at most, in the direction asked (descending line id when backward). */
  rows: LineRow[];
}

/**
 * One page of line balances ordered by line id (the cursor), plus the number of lines matching the
 * filter, in one round trip: the balances are grouped once in a CTE, counted, then sliced after
 * (or before) the cursor. Lines that net to zero are kept, like lineBalances does.
 */
export async function linePage(
  pool: pg.Pool,
  fiscalYear: number,
  cut: LineCut,
  asOf: AsOf,
  page: { forward: boolean; limit: number; cursor: string | null },
): Promise<LinePage> {
  const params: unknown[] = [fiscalYear, ...asOfParams(asOf)];
  const where = lineCutSql(cut, 'p', params);
  params.push(page.cursor, page.limit + 1);
  const [c, n] = [params.length - 1, params.length];
  const { rows } = await pool.query(
    `WITH lines AS (
       SELECT p.line_id, p.unit_code, p.fund_source, p.functional_code, p.kind, p.dept_econ_code, p.gov_econ_code,
              p.project_code, p.origin, sum(p.delta)::text AS amount
         FROM postings p
        WHERE p.fiscal_year = $1 AND ${asOfPredicate('p', 2)} ${where}
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
     )
     SELECT t.total, l.* FROM (SELECT count(*)::int AS total FROM lines) t
       LEFT JOIN LATERAL (
         SELECT * FROM lines
          WHERE $${c}::text IS NULL OR line_id ${page.forward ? '>' : '<'} $${c}::text
          ORDER BY line_id ${page.forward ? 'ASC' : 'DESC'} LIMIT $${n}
       ) l ON true`,
    params,
  );
  const lines = rows.filter((r) => r.line_id !== null);
  return {
    totalCount: rows[0]?.total ?? 0,
    rows: lines.map((r) => ({
      lineId: r.line_id,
      unitCode: r.unit_code,
      fiscalYear,
      fundSource: r.fund_source,
      functionalCode: r.functional_code,
      kind: r.kind,
      deptEconCode: r.dept_econ_code,
      govEconCode: r.gov_econ_code,
      projectCode: r.project_code,
      origin: r.origin,
      amount: r.amount,
    })),
  };
}
