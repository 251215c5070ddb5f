import { Arg, Args, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { LineDelta } from '../../domain';
import { BadInputError } from '../../domain/errors';
import {
  listAdjustments,
  type AdjustmentRow,
  type AdjustmentStep,
} from '../../projections/adjustments';
import { Role } from '../auth';
import { unitsInReach } from '../scope';
import { pageRequest, toConnection } from '../connection';
import { PageArgs } from '../page.args';
import type { GraphQLContext } from '../context';
import { AdjustmentType } from '../write/adjustment-type.enum';
import { AdjustmentConnection } from './adjustment-connection.type';
import { AdjustmentHistoryEntry } from './adjustment-history-entry.type';
import { AdjustmentLine } from './adjustment-line.type';
import { AdjustmentStatus } from './adjustment-status.enum';
import { Adjustment } from './adjustment.type';

const toLines = (lines: LineDelta[]): AdjustmentLine[] =>
  lines.map(({ lineId, line, delta }) => ({ lineId, ...line, delta }));
const toStep = (s: AdjustmentStep): AdjustmentHistoryEntry => ({
  ...s,
  action: s.action as AdjustmentStatus,
  lines: toLines(s.lines),
});
const toNode = (r: AdjustmentRow): Adjustment => ({
  ...r,
  adjustmentType: r.adjustmentType as AdjustmentType,
  status: r.status as AdjustmentStatus,
  lines: toLines(r.lines),
  history: r.history.map(toStep),
});

@Resolver()
export class AdjustmentsQuery {
  @Authorized(Role.BUDGET_OFFICER, Role.FINANCE_REVIEWER, Role.AUDITOR)
  @Query(() => AdjustmentConnection, {
    description:
      'Budget adjustments with their history, of the units the token reaches: a budget officer its own, a reviewer or auditor its departments or all, ADMIN all.',
  })
  async adjustments(
    @Ctx() ctx: GraphQLContext,
    @Args() page: PageArgs,
    @Arg('status', () => AdjustmentStatus, { nullable: true }) status?: AdjustmentStatus,
    @Arg('unitCode', () => String, { nullable: true }) unitCode?: string,
    @Arg('fiscalYear', () => Int, { nullable: true }) fiscalYear?: number,
  ): Promise<AdjustmentConnection> {
    const req = pageRequest(page);
    const after = req.cursor === null ? null : positionOf(req.cursor);
    const { rows, totalCount } = await listAdjustments(
      ctx.pool,
      { status, unitCodes: await unitsInReach(ctx, unitCode ? [unitCode] : null), fiscalYear },
      { limit: req.limit, forward: req.forward, after },
    );
    const connection = toConnection(
      rows.map(toNode).map((node, i) => ({ node, key: rows[i]!.position.toString() })),
      req,
      (r) => r.key,
      after !== null,
    );
    return {
      ...connection,
      edges: connection.edges.map((e) => ({ node: e.node.node, cursor: e.cursor })),
      totalCount,
    };
  }
}

function positionOf(cursor: string): bigint {
  if (!/^\d{1,19}$/.test(cursor)) throw new BadInputError('invalid cursor', { field: 'after' });
  return BigInt(cursor);
}
