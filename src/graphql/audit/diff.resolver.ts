import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { compareDisclosures } from '../../app/disclosures';
import { Role } from '../auth';
import { requireDepartment } from '../scope';
import type { GraphQLContext } from '../context';
import { AsOfInput, toDisclosurePoint } from '../read/as-of.input';
import { DisclosureDiff } from './disclosure-diff.type';

@Resolver()
export class DiffResolver {
  @Authorized(Role.AUDITOR)
  @Query(() => DisclosureDiff, {
    description:
      "Compares the disclosure of a department-year at two points (default `to`: now), cell by cell and line by line. A point before the department's first unit is an empty disclosure (every figure of the other point changes from null, every line from 0); NOT_FOUND when the department had no unit at either point. AUDITOR and ADMIN.",
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
    const [fromPoint, toPoint] = [toDisclosurePoint(from), toDisclosurePoint(to)];
    return compareDisclosures(
      ctx.pool,
      { departmentCode, fiscalYear, from: fromPoint, to: toPoint },
      ctx.service.references.current,
    );
  }
}
