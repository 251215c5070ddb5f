import { Field, Int, ObjectType } from 'type-graphql';
import { ImportProblem } from './import-problem.type';
import { ImportStep } from './import-step.type';

@ObjectType({
  description: 'What the import did, or why it refused the document (then nothing was appended).',
})
export class ImportDisclosurePayload {
  @Field() ok!: boolean;
  @Field({
    description:
      "SHA-256 of the document's bytes (the PDF's, for a PDF): re-importing it appends nothing.",
  })
  sha256!: string;
  @Field({ description: 'What was read: pdf (read in the server) or text.' })
  source!: string;
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
