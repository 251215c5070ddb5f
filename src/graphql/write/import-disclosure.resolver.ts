import {
  Arg,
  Authorized,
  Ctx,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
} from 'type-graphql';
import { importDisclosure } from '../../app/import-disclosure';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';

@InputType({
  description:
    "A published disclosure as extracted from its PDF (the seed's tab layout, or Shanghai's 9-table layout).",
})
export class ImportDisclosureInput {
  @Field({
    description: "The document's text (UTF-8), as `import-disclosure <file>` would read it.",
  })
  text!: string;
  @Field({
    description:
      "Recorded as the source document in every event's metadata, with the text's SHA-256.",
  })
  fileName!: string;
  @Field({ description: 'The department to import under (its own unit becomes <code>001).' })
  departmentCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field({ defaultValue: false, description: 'Plan and check everything, append nothing.' })
  dryRun!: boolean;
}

@ObjectType()
export class ImportProblem {
  @Field(() => Int, {
    description: 'Line of the document (1 when the problem is not tied to a line).',
  })
  line!: number;
  @Field() message!: string;
}

@ObjectType()
export class ImportStep {
  @Field() key!: string;
  @Field() unitCode!: string;
  @Field() summary!: string;
  @Field({ description: 'applied | already-imported | would-apply' }) status!: string;
}

@ObjectType({
  description: 'What the import did, or why it refused the document (then nothing was appended).',
})
export class ImportDisclosurePayload {
  @Field() ok!: boolean;
  @Field({ description: 'SHA-256 of the text: re-importing the same document appends nothing.' })
  sha256!: string;
  @Field(() => [ImportProblem]) problems!: ImportProblem[];
  @Field(() => [ImportStep]) steps!: ImportStep[];
  @Field(() => Int, {
    description: 'Printed amount cells compared with what the planned lines print.',
  })
  figuresCompared!: number;
  @Field(() => [String], {
    description:
      'How lines were derived where the document gives only totals, and other choices made.',
  })
  notes!: string[];
}

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
