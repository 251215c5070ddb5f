import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import {
  loadDisclosure,
  resolvePoint,
  type BuiltDisclosure,
  type DisclosurePoint,
} from '../../app/disclosures';
import { TABLE_IDS } from '../../domain/disclosure';
import { Role, UnauthenticatedError } from '../auth';
import { requireDepartment } from '../scope';
import type { GraphQLContext } from '../context';
import { AsOfInput, asOfPoint, MoneyUnit, toDisclosurePoint, toMoneyUnit } from './as-of.input';
import { ConsistencyReport } from './consistency.type';
import { publishedDisclosures } from './disclosure-cache';
import { DisclosureTable, DisclosureTableId } from './disclosure-table.type';
import { Disclosure } from './disclosure.type';
import { ProcurementBudget } from './procurement-budget.type';
import { StateAssets } from './state-assets.type';
import { mapAssets, mapFinding, mapForms, mapTable } from './disclosure.map';
import { Explanation } from './explanation.type';
import { PerformanceForms } from './performance-form.type';

/**
 * The disclosure. PUBLIC (no token) reads the published one only: asOf omitted means "as
 * published" for PUBLIC and "now" for a token holder; any other point needs a token that reaches
 * every unit of the department (docs/access.md).
 */
@Resolver(() => Disclosure)
export class DisclosureResolver {
  @Query(() => Disclosure, {
    description:
      "A department's disclosure of a fiscal year at a point (as published: anyone; any other point: a token reaching all of the department's units).",
  })
  async disclosure(
    @Ctx() ctx: GraphQLContext,
    @Arg('departmentCode', () => String) departmentCode: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('asOf', () => AsOfInput, { nullable: true }) asOf: AsOfInput | undefined,
    @Arg('moneyUnit', () => MoneyUnit, { defaultValue: MoneyUnit.WAN_YUAN }) moneyUnit: MoneyUnit,
  ): Promise<Disclosure> {
    const isPublic = ctx.viewer.role === Role.PUBLIC;
    const point: DisclosurePoint = asOf
      ? toDisclosurePoint(asOf)
      : isPublic
        ? { published: true }
        : {};
    const published = 'published' in point;
    if (!(published && point.effectiveOn === undefined)) {
      if (isPublic)
        throw new UnauthenticatedError(
          'without a token only the published disclosure can be read (asOf: { published: true })',
        );
      await requireDepartment(ctx, departmentCode);
    }
    const built = await load(ctx, departmentCode, fiscalYear, point, moneyUnit);
    const d = built.disclosure;
    return {
      fiscalYear: d.fiscalYear,
      department: d.department,
      moneyUnit,
      asOf: asOfPoint(built.asOf),
      published,
      agencyOperatingRule: d.agencyOperatingRule,
      built,
    };
  }

  @FieldResolver(() => [DisclosureTable], { description: 'The 13 tables, t01 to t13.' })
  tables(@Root() d: Disclosure): DisclosureTable[] {
    return TABLE_IDS.map((id) => mapTable(d.built.disclosure.tables[id]));
  }

  @FieldResolver(() => DisclosureTable, { description: 'One table by id.' })
  table(
    @Root() d: Disclosure,
    @Arg('id', () => DisclosureTableId) id: DisclosureTableId,
  ): DisclosureTable {
    return mapTable(d.built.disclosure.tables[id]);
  }

  @FieldResolver(() => Explanation, {
    description: 'The explanation (公开说明), sections 一 to 十一.',
  })
  explanation(@Root() d: Disclosure): Explanation {
    return d.built.disclosure.explanation;
  }

  @FieldResolver(() => PerformanceForms, {
    description: 'The performance target forms (绩效目标表).',
  })
  performanceForms(@Root() d: Disclosure): PerformanceForms {
    return mapForms(d.built.disclosure.performanceForms);
  }

  @FieldResolver(() => StateAssets, {
    nullable: true,
    description: 'State assets as recorded; null when none are.',
  })
  assets(@Root() d: Disclosure): StateAssets | null {
    return d.built.facts.assets && mapAssets(d.built.facts.assets);
  }

  @FieldResolver(() => ProcurementBudget, {
    nullable: true,
    description: 'The procurement budget, exact yuan; null when none is recorded.',
  })
  procurement(@Root() d: Disclosure): ProcurementBudget | null {
    return d.built.facts.procurement;
  }

  @FieldResolver(() => ConsistencyReport, {
    description: 'The consistency report (勾稽关系) of this disclosure.',
  })
  consistency(@Root() d: Disclosure): ConsistencyReport {
    const r = d.built.report;
    return {
      findings: r.findings.map(mapFinding),
      rounding: r.rounding,
      inconsistencies: r.inconsistencies,
    };
  }
}

/**
 * A published disclosure is immutable (its position was settled when it was published), so it is
 * built once per process and kept; any other point is built on each request.
 */
async function load(
  ctx: GraphQLContext,
  departmentCode: string,
  fiscalYear: number,
  point: DisclosurePoint,
  moneyUnit: MoneyUnit,
): Promise<BuiltDisclosure> {
  const unit = toMoneyUnit(moneyUnit);
  const references = ctx.service.references.current;
  if (!('published' in point))
    return loadDisclosure(
      ctx.pool,
      { departmentCode, fiscalYear, at: point, moneyUnit: unit },
      references,
    );
  const at = await resolvePoint(ctx.pool, departmentCode, fiscalYear, point);
  const key = [departmentCode, fiscalYear, at.position, at.effectiveOn ?? '', unit].join('|');
  return publishedDisclosures(ctx.pool).get(key, () =>
    loadDisclosure(ctx.pool, { departmentCode, fiscalYear, at, moneyUnit: unit }, references),
  );
}
