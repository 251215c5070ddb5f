import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { TargetForm } from './target-form.type';

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
