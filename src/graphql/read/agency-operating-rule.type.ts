import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'Which 公用经费 counts as 机关运行经费 (table 11), and where the rule comes from.',
})
export class AgencyOperatingRule {
  @Field({ description: 'admin-and-civil-service-managed | all-units' }) scope!: string;
  @Field(() => [String]) fundSources!: string[];
  @Field({ description: 'department | per-unit' }) rows!: string;
  @Field() source!: string;
}
