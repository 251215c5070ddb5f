import { Field, InputType, registerEnumType } from 'type-graphql';
import type { Dimension } from '../../projections/read-aggregate';

/** Drilldown levels: functional 类/款/项 are the 3/5/7-digit prefixes of a line's functional code. */
export enum AggregateDimension {
  FUNCTIONAL_CLASS = 'functionalClass',
  FUNCTIONAL_SECTION = 'functionalSection',
  FUNCTIONAL_ITEM = 'functionalItem',
  DEPT_ECON_CLASS = 'deptEconClass',
  DEPT_ECON_ITEM = 'deptEconItem',
  GOV_ECON_ITEM = 'govEconItem',
  FUND_SOURCE = 'fundSource',
  KIND = 'kind',
  BASIC_PROJECT = 'basicProject',
  ORIGIN = 'origin',
  UNIT = 'unit',
  PROJECT = 'project',
}
registerEnumType(AggregateDimension, {
  name: 'AggregateDimension',
  description:
    '功能 类/款/项, 部门经济 类/款, 政府经济 款, 资金来源, 人员/公用/项目, 基本/项目, 当年/上年结转, unit, project.',
});

export enum AggregateSortKey {
  AMOUNT = 'amount',
  CODES = 'codes',
}
registerEnumType(AggregateSortKey, {
  name: 'AggregateSortKey',
  description: 'Order cells by amount, or by their drilldown codes (in drilldown order).',
});

export enum AggregateSortDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(AggregateSortDirection, { name: 'AggregateSortDirection' });

@InputType({ description: 'The order of aggregate cells (default: by codes, ascending).' })
export class AggregateOrder {
  @Field(() => AggregateSortKey) by!: AggregateSortKey;
  @Field(() => AggregateSortDirection, { defaultValue: AggregateSortDirection.ASC })
  direction!: AggregateSortDirection;
}

export const toDimension = (d: AggregateDimension): Dimension => d as string as Dimension;
