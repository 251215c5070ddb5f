import { Field, InputType } from 'type-graphql';
import { AnnualTargetInput } from './annual-target.input';

@InputType({ description: 'One 绩效指标.' })
export class TargetIndicatorInput {
  @Field({ description: "一级指标: 产出指标 | 效益指标 | 满意度指标 (the year's list)." })
  level1!: string;
  @Field(() => String, { nullable: true, description: '二级指标' }) level2?: string | null;
  @Field(() => String, { nullable: true, description: '三级指标' }) level3?: string | null;
  @Field(() => String, { nullable: true, description: '指标值, e.g. "≥95%".' }) value?:
    string | null;
  @Field(() => AnnualTargetInput, { nullable: true }) annual?: AnnualTargetInput | null;
}
