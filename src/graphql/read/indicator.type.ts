import { Field, ObjectType } from 'type-graphql';
import { AnnualTarget } from './annual-target.type';

@ObjectType({ description: 'A performance indicator (绩效指标).' })
export class Indicator {
  @Field({ description: '一级指标: 产出指标 / 效益指标 / 满意度指标.' }) level1!: string;
  @Field(() => String, { nullable: true }) level2!: string | null;
  @Field(() => String, { nullable: true }) level3!: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. 14套, ≥95%, 及时.' }) value!:
    string | null;
  @Field(() => AnnualTarget, { nullable: true }) annual!: AnnualTarget | null;
}
