import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '编制数 and 实有人数 as registered; null when not published.' })
export class Staffing {
  @Field(() => Int, { nullable: true }) authorized!: number | null;
  @Field(() => Int, { nullable: true }) actual!: number | null;
}
