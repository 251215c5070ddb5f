import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { importDisclosure } from '../../app/import-disclosure';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { ImportDisclosureInput } from './import-disclosure.input';
import { ImportDisclosurePayload } from './import-disclosure.payload';

@Resolver()
export class ImportDisclosureMutation {
  /** ADMIN only: an import registers units and opens years, which is master data. */
  @Authorized(Role.ADMIN)
  @Mutation(() => ImportDisclosurePayload, {
    description:
      'Import a published disclosure into the ledger (ADMIN). Refused documents change nothing.',
  })
  async importDisclosure(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: ImportDisclosureInput,
  ): Promise<ImportDisclosurePayload> {
    const r = await importDisclosure(ctx.service, ctx.store, {
      fileName: input.fileName,
      text: input.text,
      departmentCode: input.departmentCode,
      fiscalYear: input.fiscalYear,
      dryRun: input.dryRun,
      actor: ctx.viewer.actor,
      planner: ctx.planDisclosure,
    });
    return {
      ok: r.ok,
      sha256: r.sha256,
      problems: r.problems.map((p) => ({ line: p.line, message: p.message })),
      steps: r.steps,
      figuresCompared: r.plan?.ok ? r.plan.figures.compared : 0,
      notes: r.plan?.ok ? r.plan.notes : [],
    };
  }
}
