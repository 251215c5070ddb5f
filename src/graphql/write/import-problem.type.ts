import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class ImportProblem {
  @Field(() => Int, {
    description: 'Line of the document (1 when the problem is not tied to a line).',
  })
  line!: number;
  @Field() message!: string;
}
