import { Field, Int, ObjectType } from 'type-graphql';
import { TargetForm } from './target-form.type';
import { UnitFormBudget } from './unit-form-budget.type';

@ObjectType({ description: 'The whole-unit performance target form (部门整体绩效目标表).' })
export class UnitPerformanceForm {
  @Field() formId!: string;
  @Field() unitName!: string;
  @Field(() => Int, { description: '0 = as first set.' }) revision!: number;
  @Field(() => UnitFormBudget) budget!: UnitFormBudget;
  @Field(() => TargetForm) form!: TargetForm;
}
