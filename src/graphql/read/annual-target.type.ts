import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The annual-target side of an indicator where it differs in print.' })
export class AnnualTarget {
  @Field(() => String, { nullable: true }) level2!: string | null;
  @Field(() => String, { nullable: true }) level3!: string | null;
  @Field(() => String, { nullable: true }) value!: string | null;
}
