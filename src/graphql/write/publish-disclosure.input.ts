import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';

@InputType({
  description:
    'Publishes the disclosure as the ledger stands now: the server records the settled position and the ledger digest. The publication gate checks the disclosure at that position first: a FATAL finding, or a WARNING not acknowledged, refuses it (BAD_USER_INPUT, ruleId publication.blocked, the findings in extensions.details.findings).',
})
export class PublishDisclosureInput extends BudgetCommandInput {
  @Field(() => String, { nullable: true, description: 'Generated when omitted.' }) disclosureId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) publishedAt?:
    string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: 'Layout of the tables, e.g. "shanxi-13".' })
  layout?: string | null;
  @Field(() => [String], {
    nullable: true,
    description:
      'The WARNING rules of the publication gate the publisher acknowledges (rule ids, e.g. "publication.state-assets"); recorded in the publication. See publicationCheck.',
  })
  acknowledge?: string[] | null;
}
