import { Field, InputType } from 'type-graphql';
import { BudgetCommandInput } from './budget-command.input';
import { ProjectProcurementInput } from './project-procurement.input';

@InputType({ description: 'A project (项目), registered before money is put on it.' })
export class RegisterProjectInput extends BudgetCommandInput {
  @Field({ description: 'The project code, e.g. "P12".' }) code!: string;
  @Field() name!: string;
  @Field({ description: 'other-operating 其他运转类 | specific-goal 特定目标类' })
  category!: string;
  @Field({ description: 'one-off 一次性 | recurring 经常性' }) attribute!: string;
  @Field({ description: 'As the form prints it, e.g. "1年".' }) period!: string;
  @Field(() => [ProjectProcurementInput], { nullable: true }) procurement?:
    ProjectProcurementInput[] | null;
  @Field(() => String, { nullable: true }) implementingUnit?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) registeredAt?:
    string | null;
}
