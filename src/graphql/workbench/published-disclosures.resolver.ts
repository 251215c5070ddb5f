import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ledgerDigest } from '../../events/integrity';
import { publishedPosition } from '../../projections/fact-versions';
import { fiscalYearsOf, registeredUnits } from '../../projections/read-queries';
import type { GraphQLContext } from '../context';
import { PublishedDisclosure } from './published-disclosure.type';

/**
 * The published disclosures, for anyone: what a citizen can open, and the point of the ledger
 * each one shows (with the ledger digest there, to compare with one kept elsewhere).
 */
@Resolver(() => PublishedDisclosure)
export class PublishedDisclosuresResolver {
  @Query(() => [PublishedDisclosure], {
    description:
      'Department-years with a published disclosure, by department then year (no token needed).',
  })
  async publishedDisclosures(@Ctx() ctx: GraphQLContext): Promise<PublishedDisclosure[]> {
    const [units, years] = await Promise.all([
      registeredUnits(ctx.pool),
      fiscalYearsOf(ctx.pool, null),
    ]);
    const byCode = new Map(units.map((u) => [u.unitCode, u]));
    const groups = new Map<string, PublishedDisclosure>();
    for (const y of years) {
      const unit = byCode.get(y.unitCode);
      if (!unit || y.publishedPosition === null) continue;
      const key = `${unit.departmentCode}|${y.fiscalYear}`;
      const group = groups.get(key) ?? {
        departmentCode: unit.departmentCode,
        departmentName: unit.name,
        fiscalYear: y.fiscalYear,
        position: 0n,
        publishedAt: null,
        units: [],
      };
      if (unit.parentUnitCode === null) group.departmentName = unit.name;
      group.units.push({ code: unit.unitCode, name: unit.name, publishedAt: y.publishedAt });
      if (y.publishedAt !== null && (group.publishedAt ?? '') < y.publishedAt)
        group.publishedAt = y.publishedAt;
      groups.set(key, group);
    }
    const out = [...groups.values()].sort(
      (a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.fiscalYear - b.fiscalYear,
    );
    // The position the public `disclosure` resolves "published" to, by the same query.
    for (const d of out) {
      const codes = units.filter((u) => u.departmentCode === d.departmentCode);
      d.position = (await publishedPosition(
        ctx.pool,
        codes.map((u) => u.unitCode),
        d.fiscalYear,
      ))!;
      d.units.sort(
        (a, b) =>
          Number(byCode.get(a.code)!.parentUnitCode !== null) -
          Number(byCode.get(b.code)!.parentUnitCode !== null),
      );
    }
    return out;
  }

  @FieldResolver(() => String, {
    description:
      'The ledger digest at `position` (as `ledgerDigest(at:)` gives it): keep it, re-check it later.',
  })
  async digest(@Root() d: PublishedDisclosure, @Ctx() ctx: GraphQLContext): Promise<string> {
    return (await ledgerDigest(ctx.pool, d.position)).digest;
  }
}
