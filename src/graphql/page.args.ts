import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from './connection';

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Items after \`after\`; at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
  @Field(() => Int, {
    nullable: true,
    description: `Items before \`before\`; at most ${MAX_PAGE_SIZE}.`,
  })
  last?: number;
  @Field(() => String, { nullable: true }) before?: string;
}
