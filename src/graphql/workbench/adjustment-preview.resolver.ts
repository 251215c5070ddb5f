import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AdjustmentType as DomainAdjustmentType } from '../../domain';
import { canonicalLine, lineId } from '../../domain';
import { Role, assertActsFor, personOf } from '../auth';
import { requireUnit } from '../scope';
import type { GraphQLContext } from '../context';
import { SubmitAdjustmentInput } from '../write/submit-adjustment.input';
import { today } from '../write/command';
import { toLineKey } from '../write/line.input';
import { previewAdjustment, type Preview } from '../../app/adjustment-preview';
import { AdjustmentPreview } from './adjustment-preview.type';

const PREVIEW_ID = 'ADJ-PREVIEW';

const toPayload = (p: Preview): AdjustmentPreview => ({ ok: p.problems.length === 0, ...p });

/**
 * Dry runs of 预算调整: what a submission would change in the disclosure once approved, and what
 * approving a pending one would change. The domain decides (submit, then approve) on the current
 * state in memory; nothing is appended. A broken rule is a problem in the answer, not an error.
 */
@Resolver()
export class AdjustmentPreviewResolver {
  @Authorized(Role.BUDGET_OFFICER)
  @Query(() => AdjustmentPreview, {
    description:
      'Dry run of submitAdjustment (same input; BUDGET_OFFICER of the unit, or ADMIN): the rules it breaks, or the cells and lines it changes once approved. Appends nothing.',
  })
  async previewAdjustment(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: SubmitAdjustmentInput,
  ): Promise<AdjustmentPreview> {
    assertActsFor(ctx.viewer, input.unitCode);
    const day = today();
    const adjustmentId = input.adjustmentId ?? PREVIEW_ID;
    const entryLineIds = input.lines.map((e) => {
      try {
        return lineId(canonicalLine(toLineKey(e.line, input.unitCode, input.fiscalYear)));
      } catch {
        return null; // a malformed entry: the domain names the problem below
      }
    });
    return toPayload(
      await previewAdjustment(ctx.pool, ctx.service, {
        unitCode: input.unitCode,
        fiscalYear: input.fiscalYear,
        adjustmentId,
        entryLineIds,
        today: day,
        submit: {
          type: 'SubmitAdjustment',
          data: {
            adjustmentId,
            adjustmentType: input.adjustmentType as unknown as DomainAdjustmentType,
            reason: input.reason,
            documentNumber: input.documentNumber,
            effectiveDate: input.effectiveDate ?? day,
            submittedBy: personOf(ctx.viewer),
            submittedAt: input.submittedAt ?? day,
            lines: input.lines.map((e) => ({
              line: toLineKey(e.line, input.unitCode, input.fiscalYear),
              delta: e.delta,
            })),
          },
        },
      }),
    );
  }

  @Authorized(Role.FINANCE_REVIEWER, Role.AUDITOR)
  @Query(() => AdjustmentPreview, {
    description:
      'Dry run of approveAdjustment on a pending adjustment (FINANCE_REVIEWER, AUDITOR or ADMIN): the rules approval would break now, or the cells and lines it would change. Appends nothing.',
  })
  async previewApproval(
    @Ctx() ctx: GraphQLContext,
    @Arg('unitCode') unitCode: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('adjustmentId') adjustmentId: string,
  ): Promise<AdjustmentPreview> {
    await requireUnit(ctx, unitCode);
    return toPayload(
      await previewAdjustment(ctx.pool, ctx.service, {
        unitCode,
        fiscalYear,
        adjustmentId,
        entryLineIds: [],
        today: today(),
        reviewer: personOf(ctx.viewer),
        submit: null,
      }),
    );
  }
}
