import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from '../../scalars';
import { PublicationFinding } from '../../workbench/publication-finding.type';
import { CommandPayload } from '../payload';

@ObjectType()
export class PublishDisclosurePayload extends CommandPayload {
  @Field() disclosureId!: string;
  @Field(() => PositionScalar, {
    description: 'The settled log position the publication reflects.',
  })
  ledgerPosition!: bigint;
  @Field({ description: 'The ledger digest at that position (SHA-256, hex): auditors keep it.' })
  digest!: string;
  @Field(() => [PublicationFinding], {
    description:
      'The WARNING findings acknowledged, as the publication records them (read back from the log).',
  })
  acknowledgedWarnings!: PublicationFinding[];
}
