import { Field, Int, ObjectType } from 'type-graphql';
import { AdjustmentType } from '../write/adjustment-type.enum';
import { AdjustmentHistoryEntry } from './adjustment-history-entry.type';
import { AdjustmentLine } from './adjustment-line.type';
import { AdjustmentStatus } from './adjustment-status.enum';

@ObjectType({ description: 'A budget adjustment (预算调整) and its history.' })
export class Adjustment {
  @Field() adjustmentId!: string;
  @Field() unitCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field() streamId!: string;
  @Field(() => AdjustmentType) adjustmentType!: AdjustmentType;
  @Field(() => AdjustmentStatus) status!: AdjustmentStatus;
  @Field() reason!: string;
  @Field({ description: '文号' }) documentNumber!: string;
  @Field({ description: 'ISO date from which it is (or would be) in force.' })
  effectiveDate!: string;
  @Field(() => [AdjustmentLine]) lines!: AdjustmentLine[];
  @Field(() => [AdjustmentHistoryEntry], {
    description: 'Submission first, then the review if any.',
  })
  history!: AdjustmentHistoryEntry[];
}
