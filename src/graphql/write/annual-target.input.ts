import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'The annual-target side of a project indicator, when it differs in print.',
})
export class AnnualTargetInput {
  @Field(() => String, { nullable: true }) level2?: string | null;
  @Field(() => String, { nullable: true }) level3?: string | null;
  @Field(() => String, { nullable: true }) value?: string | null;
}
