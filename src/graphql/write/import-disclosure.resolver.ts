import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { importDisclosure } from '../../app/import-disclosure';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { disclosureOfInput } from './disclosure-content';
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
    const source = await disclosureOfInput(input);
    const r = await importDisclosure(ctx.service, ctx.store, {
      fileName: input.fileName,
      text: source.text,
      sha256: source.sha256,
      departmentCode: input.departmentCode,
      fiscalYear: input.fiscalYear,
      dryRun: input.dryRun,
      actor: ctx.viewer.actor,
      person: ctx.viewer.person ?? undefined,
      planner: ctx.planDisclosure,
    });
    return {
      ok: r.ok,
      sha256: r.sha256,
      source: source.pdf ? 'pdf' : 'text',
      problems: r.problems.map((p) => ({
        line: p.line,
        place: source.place(p.line),
        message: source.places(p.message),
      })),
      steps: r.steps,
      figuresCompared: r.plan?.ok ? r.plan.figures.compared : 0,
      notes: r.plan?.ok ? r.plan.notes : [],
    };
  }
}
