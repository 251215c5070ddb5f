import { Field, InputType } from 'type-graphql';

@InputType('LedgerEventStreamFilter', {
  description: 'Which events a subscription delivers; every field given must hold.',
})
export class LedgerEventStreamFilter {
  @Field(() => String, { nullable: true }) streamId?: string | null;
  @Field(() => [String], { nullable: true }) types?: string[] | null;
  @Field(() => String, { nullable: true, description: "A unit's registration and budget streams." })
  unitCode?: string | null;
}
