import type pg from 'pg';
import { asOfParams, asOfPredicate, type AsOf } from './as-of';

export type FactKind =
  'unit' | 'year' | 'project' | 'targets' | 'procurement' | 'assets' | 'publication' | 'closing';

export interface FactVersion {
  unitCode: string;
  fiscalYear: number | null;
  fact: FactKind;
  key: string;
  /** The fact's value at that version (an event's data); null when withdrawn. */
  payload: Record<string, unknown> | null;
  globalPosition: bigint;
  eventType: string;
  /** How many versions the fact had up to the point asked (1 = never revised). */
  versions: number;
}

/**
 * The latest version of every fact of some units (in a fiscal year, plus year-less facts such as
 * unit registrations) at a point in time, from the append-only fact_versions read model.
 */
export async function factsAt(
  pool: pg.Pool,
  unitCodes: readonly string[],
  fiscalYear: number,
  asOf: AsOf = {},
): Promise<FactVersion[]> {
  const { rows } = await pool.query(
    `SELECT DISTINCT ON (f.unit_code, f.fact, f.fact_key)
            f.unit_code, f.fiscal_year, f.fact, f.fact_key, f.payload, f.global_position, f.event_type,
            count(*) OVER (PARTITION BY f.unit_code, f.fact, f.fact_key) AS versions
       FROM fact_versions f
      WHERE f.unit_code = ANY($1::text[]) AND (f.fiscal_year = $2 OR f.fiscal_year IS NULL)
        AND ${asOfPredicate('f', 3)}
      ORDER BY f.unit_code, f.fact, f.fact_key, f.transaction_id DESC, f.global_position DESC`,
    [unitCodes, fiscalYear, ...asOfParams(asOf)],
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    fiscalYear: r.fiscal_year,
    fact: r.fact,
    key: r.fact_key,
    payload: r.payload,
    globalPosition: BigInt(r.global_position),
    eventType: r.event_type,
    versions: Number(r.versions),
  }));
}

/**
 * Units registered under a department (by their registration's departmentCode) at a point in time,
 * registration order: a unit registered after the point is not one of them yet.
 */
export async function departmentUnits(
  pool: pg.Pool,
  departmentCode: string,
  asOf: AsOf = {},
): Promise<{ unitCode: string; payload: Record<string, unknown> }[]> {
  const { rows } = await pool.query(
    `SELECT DISTINCT ON (f.unit_code) f.unit_code, f.payload, f.global_position FROM fact_versions f
      WHERE f.fact = 'unit' AND f.payload->>'departmentCode' = $1 AND ${asOfPredicate('f', 2)}
      ORDER BY f.unit_code, f.transaction_id DESC, f.global_position DESC`,
    [departmentCode, ...asOfParams(asOf)],
  );
  return rows
    .sort((a, b) => Number(BigInt(a.global_position) - BigInt(b.global_position)))
    .map((r) => ({ unitCode: r.unit_code, payload: r.payload }));
}

/**
 * The ledger position recorded by the latest publication of a unit-year, or null if never
 * published.
 */
export async function publishedPosition(
  pool: pg.Pool,
  unitCodes: readonly string[],
  fiscalYear: number,
): Promise<bigint | null> {
  const { rows } = await pool.query<{ p: string | null }>(
    `SELECT (payload->>'ledgerPosition') AS p FROM fact_versions
      WHERE fact = 'publication' AND fiscal_year = $2 AND unit_code = ANY($1::text[])
      ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    [unitCodes, fiscalYear],
  );
  return rows[0]?.p ? BigInt(rows[0].p) : null;
}

/**
 * The first publication of a department's unit-year that recorded this ledger position, if any:
 * the first, so that a later publication of the same position does not change the date of a
 * document already rendered for it.
 */
export async function publicationAt(
  pool: pg.Pool,
  departmentCode: string,
  fiscalYear: number,
  position: bigint,
): Promise<{ publishedAt: string; digest: string } | null> {
  const units = (await departmentUnits(pool, departmentCode)).map((u) => u.unitCode);
  const { rows } = await pool.query<{ published_at: string; digest: string }>(
    `SELECT payload->>'publishedAt' AS published_at, payload->>'digest' AS digest
       FROM fact_versions
      WHERE fact = 'publication' AND fiscal_year = $2 AND unit_code = ANY($1::text[])
        AND payload->>'ledgerPosition' = $3
      ORDER BY transaction_id, global_position LIMIT 1`,
    [units, fiscalYear, String(position)],
  );
  const r = rows[0];
  return r ? { publishedAt: r.published_at, digest: r.digest } : null;
}
