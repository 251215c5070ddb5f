import { Field, InputType, Int } from 'type-graphql';

@InputType({
  description:
    "A published disclosure: its PDF as published (base64 `content`), or the text extracted from it (the seed's tab layout, or the pdfplumber text of Shanghai's 9-table layout). Give exactly one of `text` and `content`.",
})
export class ImportDisclosureInput {
  @Field(() => String, {
    nullable: true,
    description: "The document's text (UTF-8), as `import-disclosure <file>` would read it.",
  })
  text?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The document's file in base64 (RFC 4648): a PDF is read in the server as `import-disclosure <file.pdf>` reads it. At most 700 KiB once decoded (the request body is limited to 1 MB).",
  })
  content?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Media type of `content`: application/pdf or text/plain. Default: a PDF when the bytes start with %PDF-, text otherwise.',
  })
  mediaType?: string | null;
  @Field({
    description:
      "Recorded as the source document in every event's metadata, with the document's SHA-256.",
  })
  fileName!: string;
  @Field({ description: 'The department to import under (its own unit becomes <code>001).' })
  departmentCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field({ defaultValue: false, description: 'Plan and check everything, append nothing.' })
  dryRun!: boolean;
}
