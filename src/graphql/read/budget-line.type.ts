import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@ObjectType({
  description:
    'A budget line (one combination of unit, year, fund source, classifications, project and origin) with its balance at a point.',
})
export class BudgetLine {
  @Field({
    description:
      'The line id, e.g. 019001|2024|general-public|2010301|personnel|30101|50101|-|current.',
  })
  id!: string;
  @Field() unitCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field() fundSource!: string;
  @Field(() => String, { nullable: true }) fundSourceName!: string | null;
  @Field({ description: '支出功能分类 项 (7 digits).' }) functionalCode!: string;
  @Field(() => String, { nullable: true }) functionalName!: string | null;
  @Field(() => String, { nullable: true, description: 'The 类 (3-digit prefix) name.' })
  functionalClassName!: string | null;
  @Field(() => String, { nullable: true, description: 'The 款 (5-digit prefix) name.' })
  functionalSectionName!: string | null;
  @Field({ description: 'personnel | public | project' }) kind!: string;
  @Field() kindName!: string;
  @Field({ description: '部门预算支出经济分类 款.' }) deptEconCode!: string;
  @Field(() => String, { nullable: true }) deptEconName!: string | null;
  @Field({ description: '政府预算支出经济分类 款.' }) govEconCode!: string;
  @Field(() => String, { nullable: true }) govEconName!: string | null;
  @Field(() => String, { nullable: true }) projectCode!: string | null;
  @Field({ description: 'current | carry-over' }) origin!: string;
  @Field(() => DecimalScalar, { description: 'The balance in exact yuan.' }) amount!: string;
}
