import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import type { LineDelta } from '../../domain';
import { BadInputError } from '../../domain/errors';
import {
  listAdjustments,
  type AdjustmentRow,
  type AdjustmentStep,
} from '../../projections/adjustments';
import { assertActsFor, Role } from '../auth';
import { PageArgs, PageInfo, pageRequest, toConnection } from '../connection';
import type { GraphQLContext } from '../context';
import { DecimalScalar, PositionScalar } from '../scalars';
import { AdjustmentType } from '../write/adjustment.resolver';

export enum AdjustmentStatus {
  SUBMITTED = 'submitted',
  APPROVED = 'approved',
  REJECTED = 'rejected',
}
registerEnumType(AdjustmentStatus, {
  name: 'AdjustmentStatus',
  description: 'SUBMITTED (awaiting review), APPROVED (the budget moved), REJECTED.',
});

@ObjectType({ description: 'A line an adjustment changes, and by how much (yuan, signed).' })
class AdjustmentLine {
  @Field() lineId!: string;
  @Field() fundSource!: string;
  @Field() functionalCode!: string;
  @Field({ description: 'personnel | public | project' }) kind!: string;
  @Field() deptEconCode!: string;
  @Field() govEconCode!: string;
  @Field(() => String, { nullable: true }) projectCode!: string | null;
  @Field({ description: 'current | carry-over' }) origin!: string;
  @Field(() => DecimalScalar) delta!: string;
}

@ObjectType({ description: "One step of an adjustment's history: its submission or its review." })
class AdjustmentHistoryEntry {
  @Field(() => AdjustmentStatus, { description: 'What happened: SUBMITTED, APPROVED or REJECTED.' })
  action!: AdjustmentStatus;
  @Field() eventId!: string;
  @Field(() => PositionScalar) globalPosition!: bigint;
  @Field(() => Date, { description: 'When the ledger recorded it.' }) recordedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The API token that caused it (event metadata).',
  })
  actor!: string | null;
  @Field({ description: 'submittedBy / approvedBy / rejectedBy as recorded.' }) by!: string;
  @Field({ description: 'The business date of the step (ISO).' }) at!: string;
  @Field(() => String, { nullable: true, description: '文号' }) documentNumber!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [AdjustmentLine], {
    description:
      'The deltas submitted, or the deltas the approval moved the budget by; empty for a rejection.',
  })
  lines!: AdjustmentLine[];
}

@ObjectType({ description: 'A budget adjustment (预算调整) and its history.' })
class Adjustment {
  @Field() adjustmentId!: string;
  @Field() unitCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field() streamId!: string;
  @Field(() => AdjustmentType) adjustmentType!: AdjustmentType;
  @Field(() => AdjustmentStatus) status!: AdjustmentStatus;
  @Field() reason!: string;
  @Field({ description: '文号' }) documentNumber!: string;
  @Field({ description: 'ISO date from which it is (or would be) in force.' })
  effectiveDate!: string;
  @Field(() => [AdjustmentLine]) lines!: AdjustmentLine[];
  @Field(() => [AdjustmentHistoryEntry], {
    description: 'Submission first, then the review if any.',
  })
  history!: AdjustmentHistoryEntry[];
}

@ObjectType()
class AdjustmentEdge {
  @Field(() => Adjustment) node!: Adjustment;
  @Field() cursor!: string;
}

@ObjectType({ description: 'Adjustments in submission order.' })
class AdjustmentConnection {
  @Field(() => [AdjustmentEdge]) edges!: AdjustmentEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

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
      'Budget adjustments with their history. Budget officers see their own units only; reviewers, auditors and ADMIN see all.',
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
      { status, unitCodes: unitsVisibleTo(ctx, unitCode), fiscalYear },
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

/** A budget officer's view is bounded to its own units, whether or not it names one. */
function unitsVisibleTo(ctx: GraphQLContext, unitCode: string | undefined): string[] | null {
  if (unitCode) {
    if (ctx.viewer.role === Role.BUDGET_OFFICER) assertActsFor(ctx.viewer, unitCode);
    return [unitCode];
  }
  return ctx.viewer.role === Role.BUDGET_OFFICER ? ctx.viewer.unitCodes : null;
}

function positionOf(cursor: string): bigint {
  if (!/^\d{1,19}$/.test(cursor)) throw new BadInputError('invalid cursor', { field: 'after' });
  return BigInt(cursor);
}
