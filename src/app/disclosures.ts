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

/**
 * The disclosure of a department's unit-year at a point in time: facts from the projections, then
 * the pure builder, with the year's lists from `references` (the ledger's: adopted codes print by
 * name).
 */
export async function loadDisclosure(
  pool: pg.Pool,
  req: DisclosureRequest,
  references: ReferenceLists,
): Promise<BuiltDisclosure> {
  const asOf = await resolvePoint(pool, req.departmentCode, req.fiscalYear, req.at);
  const facts = await disclosureFacts(pool, req.departmentCode, req.fiscalYear, asOf);
  if (!facts)
    throw new NotFoundError(`no budget unit is registered under department ${req.departmentCode}`, {
      departmentCode: req.departmentCode,
    });
  const reference = references.index(req.fiscalYear);
  const disclosure = buildDisclosure(facts, reference, {
    moneyUnit: req.moneyUnit ?? 'wan-yuan',
  });
  return { asOf, facts, reference, disclosure, report: checkDisclosure(disclosure) };
}
