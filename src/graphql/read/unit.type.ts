import { Field, ObjectType } from 'type-graphql';
import type { UnitRow } from '../../projections/read-queries';
import { Staffing } from './staffing.type';

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
