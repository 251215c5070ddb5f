import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from '../scalars';
import { AdjustmentLine } from './adjustment-line.type';
import { AdjustmentStatus } from './adjustment-status.enum';

@ObjectType({ description: "One step of an adjustment's history: its submission or its review." })
export class AdjustmentHistoryEntry {
  @Field(() => AdjustmentStatus, { description: 'What happened: SUBMITTED, APPROVED or REJECTED.' })
  action!: AdjustmentStatus;
  @Field() eventId!: string;
  @Field(() => PositionScalar) globalPosition!: bigint;
  @Field(() => Date, { description: 'When the ledger recorded it.' }) recordedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The API token that caused it (event metadata).',
  })
  actor!: string | null;
  @Field({ description: 'submittedBy / approvedBy / rejectedBy as recorded.' }) by!: string;
  @Field({ description: 'The business date of the step (ISO).' }) at!: string;
  @Field(() => String, { nullable: true, description: '文号' }) documentNumber!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [AdjustmentLine], {
    description:
      'The deltas submitted, or the deltas the approval moved the budget by; empty for a rejection.',
  })
  lines!: AdjustmentLine[];
}
