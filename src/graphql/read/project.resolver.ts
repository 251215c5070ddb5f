import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { projectsAt, type ProjectRow } from '../../projections/read-queries';
import type { GraphQLContext } from '../context';
import { AsOfInput, toAsOf } from './as-of.input';
import { loaders } from './loaders';
import { Project } from './project.type';
import { toUnit, Unit } from './unit.type';
import { unitsInReach } from '../scope';

/**
 * Projects as registered at a point (a later registration of the same code replaces the earlier).
 * Any token, over the units it reaches (docs/access.md).
 */
@Resolver(() => Project)
export class ProjectResolver {
  @Authorized()
  @Query(() => [Project], {
    description:
      'Projects of a fiscal year (of one unit, or of all), in registration order, with their money.',
  })
  async projects(
    @Ctx() ctx: GraphQLContext,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('unitCode', () => String, { nullable: true }) unitCode?: string,
    @Arg('asOf', () => AsOfInput, { nullable: true }) asOf?: AsOfInput,
  ): Promise<Project[]> {
    const reach = await unitsInReach(ctx, unitCode ? [unitCode] : null);
    return (await projectsAt(ctx.pool, fiscalYear, reach, toAsOf(asOf))).map(toProject);
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: 'The unit the project belongs to (batched).',
  })
  async unit(@Root() project: Project, @Ctx() ctx: GraphQLContext): Promise<Unit | null> {
    const u = await loaders(ctx).unit.load(project.unitCode);
    return u && toUnit(u);
  }
}

function toProject(r: ProjectRow): Project {
  const p = r.payload as {
    name: string;
    category: string;
    attribute: string;
    period: string;
    implementingUnit?: string | null;
    procurement?: ProjectProcurementRow[];
  };
  return {
    code: r.code,
    name: p.name,
    unitCode: r.unitCode,
    fiscalYear: r.fiscalYear,
    category: p.category,
    attribute: p.attribute,
    period: p.period,
    implementingUnit: p.implementingUnit ?? null,
    procurement: (p.procurement ?? []).map((x) => ({ category: x.category, amount: x.amount })),
    amount: r.amount,
  };
}

type ProjectProcurementRow = { category: string; amount: string };
