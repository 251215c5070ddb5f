import { Field, InputType } from 'type-graphql';
import { TargetDetailInput } from './target-detail.input';
import { TargetIndicatorInput } from './target-indicator.input';

@InputType({ description: 'A 绩效目标 form.' })
export class TargetFormInput {
  @Field(() => String, { nullable: true }) goal?: string | null;
  @Field(() => [TargetIndicatorInput]) indicators!: TargetIndicatorInput[];
  @Field(() => [TargetDetailInput], { nullable: true }) details?: TargetDetailInput[] | null;
}
