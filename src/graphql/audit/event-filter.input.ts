import { Field, InputType } from 'type-graphql';

@InputType('LedgerEventFilter', { description: 'Narrows the log; every field given must hold.' })
export class LedgerEventFilter {
  @Field(() => String, { nullable: true, description: 'One stream, e.g. "budget-019001-2024".' })
  streamId?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Event types, e.g. ["AdjustmentApproved"].',
  })
  types?: string[] | null;
  @Field(() => String, { nullable: true, description: "A unit's registration and budget streams." })
  unitCode?: string | null;
  @Field(() => String, { nullable: true, description: 'The actor recorded in the metadata.' })
  actor?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '文号: metadata.documentRef or data.documentNumber.',
  })
  documentNumber?: string | null;
  @Field(() => Date, { nullable: true, description: 'Recorded at or after this instant.' })
  recordedFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Recorded at or before this instant.' })
  recordedTo?: Date | null;
}
