import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { budgetStreamId, upcast, type OpenFiscalYear, type PublicationFinding } from '../../domain';
import { mapPublicationFinding } from '../workbench/publication-finding.type';
import { ledgerDigest } from '../../events/integrity';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { runBudgetCommand } from './command';
import { toLineAmounts } from './line.input';
import { payloadOf } from './payload';
import { CloseFiscalYearPayload } from './payloads/close-fiscal-year.payload';
import { OpenFiscalYearPayload } from './payloads/open-fiscal-year.payload';
import { PublishDisclosurePayload } from './payloads/publish-disclosure.payload';
import { settledPositionCovering } from './settled';
import { CloseFiscalYearInput } from './close-fiscal-year.input';
import { OpenFiscalYearInput } from './open-fiscal-year.input';
import { PublishDisclosureInput } from './publish-disclosure.input';

/**
 * The year's life cycle. The finance bureau opens and closes a unit's budget year (it issues the
 * budget and does 年终结转), so those are the reviewer's; publishing (单位预算公开) is the unit's own
 * duty after the 批复, so it is the budget officer's.
 */
@Resolver()
export class YearMutations {
  @Authorized(Role.FINANCE_REVIEWER)
  @Mutation(() => OpenFiscalYearPayload, {
    description: "Open a unit's fiscal year (FINANCE_REVIEWER or ADMIN).",
  })
  async openFiscalYear(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: OpenFiscalYearInput,
  ): Promise<OpenFiscalYearPayload> {
    const { result } = await runBudgetCommand(ctx, input, {
      officerScoped: false,
      // `unit` is filled by LedgerService from the unit registry; the client cannot rename a unit
      // here.
      build: (d) => ({
        command: {
          type: 'OpenFiscalYear',
          data: {
            fiscalYear: input.fiscalYear,
            openedAt: d.date(input.openedAt, 'openedAt'),
            priorYear: input.priorYear
              ? {
                  ...input.priorYear,
                  sanGong: { ...input.priorYear.sanGong },
                  source: input.priorYear.source ?? null,
                }
              : null,
          } as OpenFiscalYear['data'],
        },
      }),
    });
    return payloadOf(result);
  }

  @Authorized(Role.FINANCE_REVIEWER)
  @Mutation(() => CloseFiscalYearPayload, {
    description: "Close a unit's fiscal year (年终结转; FINANCE_REVIEWER or ADMIN).",
  })
  async closeFiscalYear(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: CloseFiscalYearInput,
  ): Promise<CloseFiscalYearPayload> {
    const { result } = await runBudgetCommand(ctx, input, {
      officerScoped: false,
      build: (d) => {
        const carryForward = toLineAmounts(
          input.carryForward ?? [],
          input.unitCode,
          input.fiscalYear,
          'current',
        );
        return {
          command: {
            type: 'CloseFiscalYear',
            data: {
              closedAt: d.date(input.closedAt, 'closedAt'),
              closedBy: ctx.viewer.actor,
              carryForward,
            },
          },
        };
      },
    });
    return payloadOf(result);
  }

  @Authorized(Role.BUDGET_OFFICER)
  @Mutation(() => PublishDisclosurePayload, {
    description:
      "Publish the unit-year's disclosure at the current settled position (BUDGET_OFFICER of the unit, or ADMIN).",
  })
  async publishDisclosure(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: PublishDisclosureInput,
  ): Promise<PublishDisclosurePayload> {
    const { result, extra } = await runBudgetCommand(ctx, input, {
      build: async (d) => {
        // A retry must publish the same position and digest, not the head as it is now.
        const recorded = d.prior<string>('ledgerPosition');
        const position =
          recorded !== undefined
            ? BigInt(recorded)
            : await settledPositionCovering(
                ctx.store,
                budgetStreamId(input.unitCode, input.fiscalYear),
              );
        const digest = d.prior<string>('digest') ?? (await ledgerDigest(ctx.pool, position)).digest;
        const disclosureId = d.id(
          input.disclosureId,
          'disclosureId',
          `${input.unitCode}-${input.fiscalYear}-disclosure`,
        );
        const data = {
          disclosureId,
          publishedAt: d.date(input.publishedAt, 'publishedAt'),
          ledgerPosition: position.toString(),
          digest,
          title: input.title ?? null,
          layout: input.layout ?? null,
          // Left out when empty: the command (and its idempotency hash) is as it was without it.
          ...(input.acknowledge?.length ? { acknowledge: input.acknowledge } : {}),
        };
        return {
          command: { type: 'PublishDisclosure', data },
          extra: { disclosureId, ledgerPosition: position, digest },
        };
      },
    });
    const [event] = await ctx.store.readEvents([result.events[0]!.eventId]);
    const recorded = upcast(event!.type, event!.schemaVersion, event!.data) as {
      acknowledgedWarnings: PublicationFinding[] | null;
    };
    return {
      ...payloadOf(result),
      ...extra,
      acknowledgedWarnings: (recorded.acknowledgedWarnings ?? []).map(mapPublicationFinding),
    };
  }
}
