import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { loadDisclosure } from '../../app/disclosures';
import { Role } from '../auth';
import { requireDepartment } from '../scope';
import type { GraphQLContext } from '../context';
import { diffCells, diffLines } from '../../domain/disclosure/diff';
import { AsOfInput, toDisclosurePoint } from '../read/as-of.input';
import { DisclosureDiff } from './disclosure-diff.type';

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
    await requireDepartment(ctx, departmentCode);
    // Both points are checked before either load starts: a bad `to` must not leave the `from`
    // load's rejection unhandled (that would end the process).
    const points = [toDisclosurePoint(from), toDisclosurePoint(to)];
    const [a, b] = await Promise.all(
      points.map((at) =>
        loadDisclosure(
          ctx.pool,
          { departmentCode, fiscalYear, at },
          ctx.service.references.current,
        ),
      ),
    );
    return {
      fromPosition: a.asOf.position ?? null,
      toPosition: b.asOf.position ?? null,
      cells: diffCells(a.disclosure, b.disclosure),
      lines: diffLines(a.facts, b.facts),
    };
  }
}
