import { Field, Int, ObjectType } from 'type-graphql';
import { PositionScalar } from '../scalars';
import { PublicationFinding } from './publication-finding.type';

@ObjectType({
  description:
    'What publishDisclosure would find now: the same rules on the same disclosure, appending nothing.',
})
export class PublicationCheck {
  @Field() unitCode!: string;
  @Field({ description: 'The department whose disclosure is checked (the unit’s).' })
  departmentCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => PositionScalar, {
    description: 'The settled position checked (what would publish).',
  })
  ledgerPosition!: bigint;
  @Field({ description: 'True when publishing with the given `acknowledge` would be accepted.' })
  publishable!: boolean;
  @Field(() => [PublicationFinding], {
    description: 'Every finding, FATAL first, then WARNING, then SUGGEST.',
  })
  findings!: PublicationFinding[];
  @Field(() => [PublicationFinding], {
    description: 'FATAL findings and WARNING findings not acknowledged: what refuses publication.',
  })
  blocking!: PublicationFinding[];
}
