import { Field, InputType, Int } from 'type-graphql';
import { CommandInput } from './command.input';

@InputType({
  description: 'A budget unit (预算单位) joins the registry; its fiscal years can then be opened.',
})
export class RegisterBudgetUnitInput extends CommandInput {
  @Field({ description: 'e.g. "019001" (letters, digits, "_" and ".").' }) unitCode!: string;
  @Field() name!: string;
  @Field({
    description:
      'administrative 行政单位 | civil-service-managed 参公事业单位 | institution 事业单位',
  })
  kind!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The unit it reports to (本级 of the department), if any.',
  })
  parentUnitCode?: string | null;
  @Field({ description: 'The department (部门) code, e.g. "019".' }) departmentCode!: string;
  @Field(() => Int, { nullable: true, description: '编制数' }) staffingAuthorized?: number | null;
  @Field(() => Int, { nullable: true, description: '实有人数' }) staffingActual?: number | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) registeredAt?:
    string | null;
}
