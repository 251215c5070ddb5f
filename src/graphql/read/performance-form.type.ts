import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { SourceAmount } from './explanation.type';

@ObjectType({ description: 'The annual-target side of an indicator where it differs in print.' })
export class AnnualTarget {
  @Field(() => String, { nullable: true }) level2!: string | null;
  @Field(() => String, { nullable: true }) level3!: string | null;
  @Field(() => String, { nullable: true }) value!: string | null;
}

@ObjectType({ description: 'A performance indicator (绩效指标).' })
export class Indicator {
  @Field({ description: '一级指标: 产出指标 / 效益指标 / 满意度指标.' }) level1!: string;
  @Field(() => String, { nullable: true }) level2!: string | null;
  @Field(() => String, { nullable: true }) level3!: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. 14套, ≥95%, 及时.' }) value!:
    string | null;
  @Field(() => AnnualTarget, { nullable: true }) annual!: AnnualTarget | null;
}

@ObjectType({
  description: 'A free-text field of a form (overview, basis, necessity, measures, plan …).',
})
export class FormDetail {
  @Field() key!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
}

@ObjectType({ description: 'The content of a target form.' })
export class TargetForm {
  @Field(() => String, { nullable: true }) goal!: string | null;
  @Field(() => [Indicator]) indicators!: Indicator[];
  @Field(() => [FormDetail]) details!: FormDetail[];
}

@ObjectType({ description: "年度预算情况 of the whole-unit form, in the disclosure's money unit." })
export class UnitFormBudget {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => [SourceAmount]) bySource!: SourceAmount[];
  @Field(() => DecimalScalar) basic!: string;
  @Field(() => DecimalScalar) project!: string;
}

@ObjectType({ description: 'The whole-unit performance target form (部门整体绩效目标表).' })
export class UnitPerformanceForm {
  @Field() formId!: string;
  @Field() unitName!: string;
  @Field(() => Int, { description: '0 = as first set.' }) revision!: number;
  @Field(() => UnitFormBudget) budget!: UnitFormBudget;
  @Field(() => TargetForm) form!: TargetForm;
}

@ObjectType({ description: 'A project performance target form (项目支出绩效目标表).' })
export class ProjectPerformanceForm {
  @Field() formId!: string;
  @Field() projectCode!: string;
  @Field() projectName!: string;
  @Field() unitName!: string;
  @Field(() => Int) revision!: number;
  @Field(() => DecimalScalar, { description: '年度资金总额, exact 元 (the form prints yuan).' })
  fundsYuan!: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The same money as table 12/13 prints it.',
  })
  tableAmount!: string | null;
  @Field(() => TargetForm) form!: TargetForm;
}

@ObjectType()
export class PerformanceForms {
  @Field(() => UnitPerformanceForm, { nullable: true }) unit!: UnitPerformanceForm | null;
  @Field(() => [ProjectPerformanceForm]) projects!: ProjectPerformanceForm[];
}
