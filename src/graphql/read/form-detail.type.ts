import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'A free-text field of a form (overview, basis, necessity, measures, plan …).',
})
export class FormDetail {
  @Field() key!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
}
