import type pg from 'pg';
import type { ReferenceIndex, ReferenceLists } from '../domain';
import {
  buildDisclosure,
  checkDisclosure,
  type ConsistencyReport,
  type Disclosure,
  type DisclosureFacts,
  type MoneyUnit,
} from '../domain/disclosure';
import {
  diffCells,
  diffLines,
  type CellDifference,
  type LineDifference,
} from '../domain/disclosure/diff';
import { NotFoundError } from '../domain/errors';
import type { AsOf } from '../projections/as-of';
import { disclosureFacts } from '../projections/disclosure-facts';
import { departmentUnits, publishedPosition } from '../projections/fact-versions';

/** When: a point in the ledger (see AsOf), or what was last published for the unit-year. */
export type DisclosurePoint = AsOf | { published: true; effectiveOn?: string };

export interface DisclosureRequest {
  departmentCode: string;
  fiscalYear: number;
  at?: DisclosurePoint;
  moneyUnit?: MoneyUnit;
}

export interface BuiltDisclosure {
  /** The point the disclosure reflects, resolved (a publication becomes its position). */
  asOf: AsOf;
  facts: DisclosureFacts;
  /** The year's reference lists it was built with (code names, fund sources). */
  reference: ReferenceIndex;
  disclosure: Disclosure;
  report: ConsistencyReport;
}

/**
 * Resolves `published` to the position its latest publication recorded; NOT_FOUND if never
 * published.
 */
export async function resolvePoint(
  pool: pg.Pool,
  departmentCode: string,
  fiscalYear: number,
  at: DisclosurePoint = {},
): Promise<AsOf> {
  if (!('published' in at)) return at;
  const units = (await departmentUnits(pool, departmentCode)).map((u) => u.unitCode);
  const position = await publishedPosition(pool, units, fiscalYear);
  if (position === null)
    throw new NotFoundError(
      `the ${fiscalYear} disclosure of ${departmentCode} has not been published`,
      { departmentCode, fiscalYear },
    );
  return { position, effectiveOn: at.effectiveOn };
}

/** A department without a unit at the point(s) asked about has no disclosure there. */
const noUnit = (departmentCode: string, where = '') =>
  new NotFoundError(`no budget unit is registered under department ${departmentCode}${where}`, {
    departmentCode,
  });

/**
 * The point resolved, and the disclosure there; null when the department had no unit at the point
 * (before its first was registered, or never).
 */
async function disclosureAt(
  pool: pg.Pool,
  req: DisclosureRequest,
  references: ReferenceLists,
): Promise<{ asOf: AsOf; built: BuiltDisclosure | null }> {
  const asOf = await resolvePoint(pool, req.departmentCode, req.fiscalYear, req.at);
  const facts = await disclosureFacts(pool, req.departmentCode, req.fiscalYear, asOf);
  if (!facts) return { asOf, built: null };
  const reference = references.index(req.fiscalYear);
  const disclosure = buildDisclosure(facts, reference, {
    moneyUnit: req.moneyUnit ?? 'wan-yuan',
  });
  return {
    asOf,
    built: { asOf, facts, reference, disclosure, report: checkDisclosure(disclosure) },
  };
}

/**
 * The disclosure of a department's unit-year at a point in time: facts from the projections, then
 * the pure builder, with the year's lists from `references` (the ledger's: adopted codes print by
 * name). NOT_FOUND at a point where the department had no unit.
 */
export async function loadDisclosure(
  pool: pg.Pool,
  req: DisclosureRequest,
  references: ReferenceLists,
): Promise<BuiltDisclosure> {
  const { built } = await disclosureAt(pool, req, references);
  if (!built) throw noUnit(req.departmentCode);
  return built;
}

export interface DisclosureComparison {
  /** The resolved points, when they were positions or publications. */
  fromPosition: bigint | null;
  toPosition: bigint | null;
  cells: CellDifference[];
  lines: LineDifference[];
}

/**
 * A department-year's disclosure at two points, compared cell by cell and line by line. A point
 * before the department's first unit is an empty disclosure, not an error: "what changed since
 * 2023-12-31" for a department registered in 2024 is every figure, added. NOT_FOUND only when
 * the department had no unit at either point.
 */
export async function compareDisclosures(
  pool: pg.Pool,
  req: { departmentCode: string; fiscalYear: number; from: DisclosurePoint; to: DisclosurePoint },
  references: ReferenceLists,
): Promise<DisclosureComparison> {
  const { departmentCode, fiscalYear } = req;
  const [a, b] = await Promise.all(
    [req.from, req.to].map((at) =>
      disclosureAt(pool, { departmentCode, fiscalYear, at }, references),
    ),
  );
  if (!a.built && !b.built) throw noUnit(departmentCode, ' at either point');
  return {
    fromPosition: a.asOf.position ?? null,
    toPosition: b.asOf.position ?? null,
    cells: diffCells(a.built?.disclosure ?? null, b.built?.disclosure ?? null),
    lines: diffLines(a.built?.facts ?? null, b.built?.facts ?? null),
  };
}
