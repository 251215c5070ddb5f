import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar, PositionScalar } from '../scalars';

@ObjectType('ProvenancePosting', {
  description: 'One change of one budget line by one event: a term of the figure.',
})
export class ProvenancePosting {
  @Field(() => PositionScalar) position!: bigint;
  @Field() eventId!: string;
  @Field() eventType!: string;
  @Field() streamId!: string;
  @Field() recordedAt!: Date;
  @Field(() => String, { nullable: true }) effectiveDate!: string | null;
  @Field(() => String, { nullable: true }) actor!: string | null;
  @Field(() => String, { nullable: true, description: '文号 of the allocation or adjustment.' })
  documentNumber!: string | null;
  @Field() lineId!: string;
  @Field(() => DecimalScalar, { description: 'Yuan.' }) delta!: string;
}
