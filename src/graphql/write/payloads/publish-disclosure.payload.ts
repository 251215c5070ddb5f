import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from '../../scalars';
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
}
