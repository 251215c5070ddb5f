import { Field, InputType } from 'type-graphql';
import { AdjustmentType } from './adjustment-type.enum';
import { BudgetCommandInput } from './budget-command.input';
import { LineDeltaEntryInput } from './line-delta-entry.input';

@InputType({
  description: 'A budget adjustment (预算调整) for review. It moves no money until approved.',
})
export class SubmitAdjustmentInput extends BudgetCommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'Your reference for it; generated when omitted (see the payload).',
  })
  adjustmentId?: string | null;
  @Field(() => AdjustmentType) adjustmentType!: AdjustmentType;
  @Field({ description: 'Why the budget must change (调整原因).' }) reason!: string;
  @Field({ description: 'The 文号 of the request, e.g. 汾财预批（2024）35号.' })
  documentNumber!: string;
  @Field(() => String, {
    nullable: true,
    description: 'ISO date from which the change is in force once approved; default today.',
  })
  effectiveDate?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date of submission; default today.' })
  submittedAt?: string | null;
  @Field(() => [LineDeltaEntryInput]) lines!: LineDeltaEntryInput[];
}
