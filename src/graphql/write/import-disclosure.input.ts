import { Field, InputType, Int } from 'type-graphql';

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
