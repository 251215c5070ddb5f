import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'Which 公用经费 counts as 机关运行经费 (table 11), and where the rule comes from.',
})
export class AgencyOperatingRule {
  @Field({ description: 'admin-and-civil-service-managed | all-units' }) scope!: string;
  @Field(() => [String]) fundSources!: string[];
  @Field({ description: 'department | per-unit' }) rows!: string;
  @Field(() => [String], {
    nullable: true,
    description:
      'The 部门经济分类 款 counted, when the year’s definition lists them (2017); null: all 公用经费 (302).',
  })
  deptEconCodes!: string[] | null;
  @Field({ description: 'Project spending on those 款 counts too (2017: 专项中包含的运行经费).' })
  includesProjects!: boolean;
  @Field() source!: string;
}
