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
    const department = new Map(units.map((u) => [u.unitCode, u.departmentCode]));
    const published = new Map<string, { dept: string; year: number; at: string | null }>();
    for (const y of years) {
      const dept = department.get(y.unitCode);
      if (dept === undefined || y.publishedPosition === null) continue;
      const key = `${dept}|${y.fiscalYear}`;
      const at = published.get(key)?.at ?? null;
      published.set(key, {
        dept,
        year: y.fiscalYear,
        at: at !== null && (y.publishedAt === null || at > y.publishedAt) ? at : y.publishedAt,
      });
    }
    const out: PublishedDisclosure[] = [];
    for (const { dept, year, at } of published.values()) {
      // The department's units as its disclosure consolidates them: 本级 first.
      const members = units
        .filter((u) => u.departmentCode === dept)
        .sort((a, b) => Number(a.parentUnitCode !== null) - Number(b.parentUnitCode !== null));
      out.push({
        departmentCode: dept,
        departmentName: members[0]!.name,
        fiscalYear: year,
        // What the public `disclosure` resolves "published" to, by the same query.
        position: (await publishedPosition(
          ctx.pool,
          members.map((u) => u.unitCode),
          year,
        ))!,
        publishedAt: at,
        units: members.map((u) => ({ code: u.unitCode, name: u.name })),
      });
    }
    return out.sort(
      (a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.fiscalYear - b.fiscalYear,
    );
  }

  @FieldResolver(() => String, {
    description:
      'The ledger digest at `position` (as `ledgerDigest(at:)` gives it): keep it, re-check it later.',
  })
  async digest(@Root() d: PublishedDisclosure, @Ctx() ctx: GraphQLContext): Promise<string> {
    return (await ledgerDigest(ctx.pool, d.position)).digest;
  }
}
