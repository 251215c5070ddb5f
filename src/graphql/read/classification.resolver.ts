import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { CodeEntry } from '../../domain';
import type { GraphQLContext } from '../context';
import { ClassificationCode, ClassificationKind } from './classification.type';

const DEPTH: Record<string, number> = { 类: 1, 款: 2, 项: 3 };

/**
 * Reference data, open to everyone (PUBLIC included: a reader of a disclosure needs the code
 * lists). A year with no reference data is BAD_USER_INPUT (reference.year-unknown).
 */
@Resolver()
export class ClassificationResolver {
  @Query(() => [ClassificationCode], {
    description: 'A classification of a fiscal year, in the order the tables print it.',
  })
  classifications(
    @Ctx() ctx: GraphQLContext,
    @Arg('year', () => Int) year: number,
    @Arg('kind', () => ClassificationKind) kind: ClassificationKind,
    @Arg('codePrefix', () => String, {
      nullable: true,
      description: 'Only codes starting with this (e.g. "201" for a 类 and its 款/项).',
    })
    codePrefix?: string,
  ): ClassificationCode[] {
    const data = ctx.service.references.index(year).data;
    const all =
      kind === ClassificationKind.FUND_SOURCE
        ? [
            ...data.fundSources.map((f) => ({
              code: f.id,
              name: f.name,
              level: '来源',
              depth: 1,
              parentCode: null,
              fiscalAppropriation: f.fiscalAppropriation,
              source: f.source,
            })),
            // 单位资金 by kind, under 单位资金: a line may carry one of these instead of plain unit-funds.
            ...data.unitFundsKinds.map((k) => ({
              code: k.id,
              name: k.name,
              level: '单位资金类别',
              depth: 2,
              parentCode: 'unit-funds',
              fiscalAppropriation: false,
              source: k.source,
            })),
          ]
        : data[kind].entries.map(toCode);
    return codePrefix ? all.filter((c) => c.code.startsWith(codePrefix)) : all;
  }
}

function toCode(e: CodeEntry): ClassificationCode {
  const depth = DEPTH[e.level] ?? 1;
  // 类/款/项 are 3/5/7-digit prefixes of each other in every list of the year.
  const parentCode = depth > 1 ? e.code.slice(0, e.code.length - 2) : null;
  return {
    code: e.code,
    name: e.name,
    level: e.level,
    depth,
    parentCode,
    fiscalAppropriation: null,
    source: e.source,
  };
}
