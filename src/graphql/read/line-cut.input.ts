import { Field, InputType } from 'type-graphql';

/**
 * Filters over budget lines (a "cut", as OpenSpending calls it). Values are the domain's ids, as
 * in line ids: fundSource general-public | government-fund | state-capital | special-account |
 * unit-funds; kind personnel | public | project; origin current | carry-over.
 */
@InputType({ description: 'Filters over budget lines; every filter given must hold.' })
export class LineCutInput {
  @Field(() => [String], { nullable: true, description: 'Only these units.' }) unitCodes?: string[];
  @Field(() => String, {
    nullable: true,
    description:
      'general-public | government-fund | state-capital | special-account | unit-funds (with its kinds) | business-income | operating-income | other-income',
  })
  fundSource?: string;
  @Field(() => String, {
    nullable: true,
    description: '支出功能分类 类/款/项 prefix (3, 5 or 7 digits).',
  })
  functionalCodePrefix?: string;
  @Field(() => String, { nullable: true, description: 'personnel | public | project' })
  kind?: string;
  @Field(() => String, {
    nullable: true,
    description: '部门预算支出经济分类 类/款 prefix (3 or 5 digits).',
  })
  deptEconCodePrefix?: string;
  @Field(() => String, { nullable: true, description: '政府预算支出经济分类 款.' })
  govEconCode?: string;
  @Field(() => String, { nullable: true }) projectCode?: string;
  @Field(() => String, { nullable: true, description: 'current | carry-over' }) origin?: string;
}
