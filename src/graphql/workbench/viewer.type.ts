import { Field, ObjectType } from 'type-graphql';
import { Role } from '../auth';

@ObjectType('Viewer', { description: 'Who the caller is, by its token (PUBLIC without one).' })
export class ViewerInfo {
  @Field(() => Role) role!: Role;
  @Field(() => [String], {
    description: 'Units a BUDGET_OFFICER acts for; empty for other roles (ADMIN acts for all).',
  })
  unitCodes!: string[];
  @Field({ description: 'Recorded as the actor of every event the caller causes.' })
  actor!: string;
}
