import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { budgetStreamId, type OpenFiscalYear } from '../../domain';
import { ledgerDigest } from '../../events/integrity';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { DecimalScalar } from '../scalars';
import { BudgetCommandInput, runBudgetCommand } from './command';
import { LineAmountEntryInput, toLineAmounts } from './line.input';
import {
  CloseFiscalYearPayload,
  OpenFiscalYearPayload,
  payloadOf,
  PublishDisclosurePayload,
} from './payload';
import { settledPositionCovering } from './settled';

@InputType({ description: '三公经费 of the prior year, in yuan.' })
export class SanGongInput {
  @Field(() => DecimalScalar) overseasTravel!: string;
  @Field(() => DecimalScalar) officialReception!: string;
  @Field(() => DecimalScalar) vehiclePurchase!: string;
  @Field(() => DecimalScalar) vehicleOperation!: string;
}

@InputType({
  description:
    'Prior-year comparatives for the explanation, needed only when the prior year is not in the ledger.',
})
export class PriorYearInput {
  @Field(() => Int) fiscalYear!: number;
  @Field(() => DecimalScalar) total!: string;
  @Field(() => SanGongInput) sanGong!: SanGongInput;
  @Field(() => DecimalScalar) agencyOperatingExpenses!: string;
  @Field(() => String, { nullable: true, description: 'Where the figures come from.' }) source?:
    string | null;
}

@InputType({
  description: "Opens a unit's fiscal year; the unit's name and kind come from the unit registry.",
})
export class OpenFiscalYearInput extends BudgetCommandInput {
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) openedAt?:
    string | null;
  @Field(() => PriorYearInput, { nullable: true }) priorYear?: PriorYearInput | null;
}

@InputType({ description: '年终结转: closes the year; nothing may change it afterwards.' })
export class CloseFiscalYearInput extends BudgetCommandInput {
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) closedAt?:
    string | null;
  @Field(() => [LineAmountEntryInput], {
    nullable: true,
    description: "What goes on to next year, at most each line's balance.",
  })
  carryForward?: LineAmountEntryInput[] | null;
}

@InputType({
  description:
    'Publishes the disclosure as the ledger stands now: the server records the settled position and the ledger digest.',
})
export class PublishDisclosureInput extends BudgetCommandInput {
  @Field(() => String, { nullable: true, description: 'Generated when omitted.' }) disclosureId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) publishedAt?:
    string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Layout of the tables, e.g. "shanxi-13".' })
  layout?: string | null;
}

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
      // `unit` is filled by LedgerService from the unit registry; the client cannot rename a unit here.
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
        };
        return {
          command: { type: 'PublishDisclosure', data },
          extra: { disclosureId, ledgerPosition: position, digest },
        };
      },
    });
    return { ...payloadOf(result), ...extra };
  }
}
