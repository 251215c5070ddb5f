import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ClassificationKind {
  FUNCTIONAL = 'functional',
  DEPT_ECONOMIC = 'departmentEconomic',
  GOV_ECONOMIC = 'governmentEconomic',
  FUND_SOURCE = 'fundSource',
}
registerEnumType(ClassificationKind, {
  name: 'ClassificationKind',
  description: 'Which list: 支出功能分类, 部门预算支出经济分类, 政府预算支出经济分类, or 资金来源.',
});

@ObjectType({
  description: "One code of a year's classification (reference data), in the list's own order.",
})
export class ClassificationCode {
  @Field({
    description:
      'The code (功能 3/5/7 digits for 类/款/项; 经济 3/5 for 类/款), or a fund source id such as general-public.',
  })
  code!: string;
  @Field() name!: string;
  @Field({
    description:
      '类 | 款 | 项 (fund sources: 来源; the kinds of 单位资金 under unit-funds: 单位资金类别).',
  })
  level!: string;
  @Field(() => Int, {
    description: '1 for 类, 2 for 款, 3 for 项 (fund sources: 1, a kind of 单位资金 2).',
  })
  depth!: number;
  @Field(() => String, { nullable: true, description: 'The code one level up; null at the top.' })
  parentCode!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Fund sources only: counts as 财政拨款.' })
  fiscalAppropriation!: boolean | null;
  @Field({
    description:
      'Where the code and name were seen (the reference data\'s provenance). A code adopted from an imported document says "ADOPTED from <file> sha256:<12 hex> line <n> (<table title>)".',
  })
  source!: string;
}
