import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { loadDisclosure } from '../../app/disclosures';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { DecimalScalar, PositionScalar } from '../scalars';
import { diffCells, diffLines } from './disclosure-diff';
import { AsOfInput, toDisclosurePoint } from '../read/as-of.input';

@ObjectType('DisclosureCellChange', {
  description: 'A printed figure (万元) that differs between the two points; null = empty cell.',
})
class DisclosureCellChange {
  @Field() table!: string;
  @Field(() => String, { nullable: true }) rowKey!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'The row label as printed.' }) name!:
    string | null;
  @Field() column!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType('BudgetLineDelta', {
  description: 'A budget line whose balance differs between the two points (yuan).',
})
class BudgetLineDelta {
  @Field() lineId!: string;
  @Field(() => DecimalScalar) from!: string;
  @Field(() => DecimalScalar) to!: string;
  @Field(() => DecimalScalar) delta!: string;
}

@ObjectType('DisclosureDiff', {
  description:
    'Every figure and every budget line that changed between two points of a disclosure.',
})
class DisclosureDiff {
  @Field(() => PositionScalar, {
    nullable: true,
    description: 'Resolved `from` position, when it was a position or the publication.',
  })
  fromPosition!: bigint | null;
  @Field(() => PositionScalar, { nullable: true }) toPosition!: bigint | null;
  @Field(() => [DisclosureCellChange]) cells!: DisclosureCellChange[];
  @Field(() => [BudgetLineDelta]) lines!: BudgetLineDelta[];
}

@Resolver()
export class DiffResolver {
  @Authorized(Role.AUDITOR)
  @Query(() => DisclosureDiff, {
    description:
      'Compares the disclosure of a department-year at two points (default `to`: now), cell by cell and line by line. AUDITOR and ADMIN.',
  })
  async diff(
    @Ctx() ctx: GraphQLContext,
    @Arg('departmentCode') departmentCode: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('from', () => AsOfInput) from: AsOfInput,
    @Arg('to', () => AsOfInput, { nullable: true }) to?: AsOfInput,
  ): Promise<DisclosureDiff> {
    const load = (p: AsOfInput | undefined) =>
      loadDisclosure(
        ctx.pool,
        { departmentCode, fiscalYear, at: toDisclosurePoint(p) },
        ctx.service.references.current,
      );
    const [a, b] = await Promise.all([load(from), load(to)]);
    return {
      fromPosition: a.asOf.position ?? null,
      toPosition: b.asOf.position ?? null,
      cells: diffCells(a.disclosure, b.disclosure),
      lines: diffLines(a.facts, b.facts),
    };
  }
}
