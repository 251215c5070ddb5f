import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A free-text field of the form (overview, basis, measures …).' })
export class TargetDetailInput {
  @Field() key!: string;
  @Field(() => String, { nullable: true }) value?: string | null;
}
