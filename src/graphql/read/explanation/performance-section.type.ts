import { Field, ObjectType } from 'type-graphql';
import { AmountText } from './amount-text.type';
import { ProjectCount } from './project-count.type';
import { PublishedProjectCount } from './published-project-count.type';

@ObjectType({ description: '十、绩效管理情况.' })
export class PerformanceSection {
  @Field(() => AmountText, { nullable: true }) overallTarget!: AmountText | null;
  @Field(() => ProjectCount) managed!: ProjectCount;
  @Field(() => PublishedProjectCount) published!: PublishedProjectCount;
  @Field() text!: string;
}
