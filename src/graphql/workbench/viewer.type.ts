import { Field, ObjectType } from 'type-graphql';
import { Role } from '../auth';

@ObjectType('Viewer', { description: 'Who the caller is, by its token (PUBLIC without one).' })
export class ViewerInfo {
  @Field(() => Role) role!: Role;
  @Field(() => [String], {
    description: 'Units a BUDGET_OFFICER acts for; empty for other roles (ADMIN acts for all).',
  })
  unitCodes!: string[];
  @Field(() => [String], {
    description:
      'Departments a FINANCE_REVIEWER or AUDITOR is limited to; empty: the whole ledger (docs/access.md).',
  })
  departmentCodes!: string[];
  @Field(() => String, {
    nullable: true,
    description: 'The person holding the token (null for PUBLIC); who submits and reviews.',
  })
  person!: string | null;
  @Field({ description: 'Recorded as the actor of every event the caller causes.' })
  actor!: string;
}
