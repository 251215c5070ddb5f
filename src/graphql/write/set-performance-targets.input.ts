import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';
import { TargetFormInput } from './target-form.input';

@InputType({ description: "Sets the whole-unit form (projectCode omitted) or a project's form." })
export class SetPerformanceTargetsInput extends BudgetCommandInput {
  @Field(() => String, {
    nullable: true,
    description: 'The project; omit for the whole-unit form.',
  })
  projectCode?: string | null;
  @Field(() => TargetFormInput) form!: TargetFormInput;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) setAt?:
    string | null;
}
