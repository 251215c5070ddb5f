import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class ImportProblem {
  @Field(() => Int, {
    description: 'Line of the document (1 when the problem is not tied to a line).',
  })
  line!: number;
  @Field({
    description: 'Where a reader finds it: "page 9 table 1 row 3" in a PDF, "line 12" in a text.',
  })
  place!: string;
  @Field() message!: string;
}
