import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { loadDisclosure } from '../../app/disclosures';
import { Money } from '../../domain';
import { contributingPostings } from '../../projections/audit-provenance';
import { Role } from '../auth';
import { requireDepartment } from '../scope';
import type { GraphQLContext } from '../context';
import { resolveCell } from './cell-scope';
import { AsOfInput, toDisclosurePoint } from '../read/as-of.input';
import { CellProvenance } from './provenance.type';

@Resolver()
export class ProvenanceResolver {
  @Authorized(Role.AUDITOR)
  @Query(() => CellProvenance, {
    description:
      'The events behind one figure of a disclosure: `table` t01…t13, `row` a row key (e.g. "total", "grandTotal", a project code, "30201/50201") or classification code, `column` a column key (e.g. "total", "basic", "generalPublicBudget"). AUDITOR and ADMIN.',
  })
  async provenance(
    @Ctx() ctx: GraphQLContext,
    @Arg('departmentCode') departmentCode: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('table') table: string,
    @Arg('row') row: string,
    @Arg('column') column: string,
    @Arg('asOf', () => AsOfInput, { nullable: true }) asOf?: AsOfInput,
  ): Promise<CellProvenance> {
    await requireDepartment(ctx, departmentCode);
    const built = await loadDisclosure(
      ctx.pool,
      { departmentCode, fiscalYear, at: toDisclosurePoint(asOf) },
      ctx.service.references.current,
    );
    const cell = resolveCell(built.disclosure, built.facts, built.reference, table, row, column);
    const postings = await contributingPostings(ctx.pool, fiscalYear, cell.scope, built.asOf);
    const sum = Money.sum(postings.map((p) => p.delta));
    const sumWanYuan = Money.isZero(sum) ? null : Money.toWanYuan(sum);
    const byLine = new Map<string, string>();
    for (const p of postings)
      byLine.set(p.lineId, Money.add(byLine.get(p.lineId) ?? Money.ZERO, p.delta));
    return {
      table: cell.table,
      rowKey: cell.row.key,
      code: cell.row.code,
      column,
      position: built.asOf.position ?? null,
      cell: cell.cell,
      sum,
      sumWanYuan,
      matchesCell: sumWanYuan === cell.cell,
      lines: [...byLine].map(([lineId, amount]) => ({ lineId, amount })),
      postings: postings.map((p) => ({ ...p, position: p.globalPosition })),
    };
  }
}
