import { Field, Int, ObjectType } from 'type-graphql';
import type { UnitRow } from '../../projections/read-queries';
import { PositionScalar } from '../scalars';

@ObjectType({ description: '编制数 and 实有人数 as registered; null when not published.' })
export class Staffing {
  @Field(() => Int, { nullable: true }) authorized!: number | null;
  @Field(() => Int, { nullable: true }) actual!: number | null;
}

@ObjectType({
  description:
    'A fiscal year opened for a unit, with its publication and closing when they happened.',
})
export class UnitFiscalYear {
  @Field() unitCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field() openedAt!: string;
  @Field(() => Boolean) published!: boolean;
  @Field(() => PositionScalar, {
    nullable: true,
    description: 'The ledger position the latest publication reflects.',
  })
  publishedPosition!: bigint | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => Boolean) closed!: boolean;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
}

@ObjectType({ description: 'A registered budget unit (预算单位).' })
export class Unit {
  @Field() code!: string;
  @Field() name!: string;
  @Field({
    description:
      'administrative (行政单位) | civil-service-managed (参公事业单位) | institution (事业单位)',
  })
  kind!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The parent unit in its department; null for the department itself (本级).',
  })
  parentUnitCode!: string | null;
  @Field({ description: 'The department (部门) the unit is consolidated under.' })
  departmentCode!: string;
  @Field(() => Staffing) staffing!: Staffing;
  @Field() registeredAt!: string;
}

export const toUnit = ({ unitCode, ...rest }: UnitRow): Unit => ({ code: unitCode, ...rest });
