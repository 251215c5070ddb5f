import { Field, ObjectType } from 'type-graphql';
import type { LineMovement } from '../../projections/audit-replay';
import { DecimalScalar } from '../scalars';

@ObjectType('BudgetLineChange', {
  description: 'One budget line moved by one event: its balance before and after, exact yuan.',
})
export class BudgetLineChange {
  @Field({ description: 'unit|year|fundSource|functional|kind|deptEcon|govEcon|project|origin' })
  lineId!: string;
  @Field() unitCode!: string;
  @Field() fundSource!: string;
  @Field({ description: 'Functional 项 (7 digits).' }) functionalCode!: string;
  @Field({ description: 'personnel | public | project' }) kind!: string;
  @Field() deptEconCode!: string;
  @Field() govEconCode!: string;
  @Field(() => String, { nullable: true }) projectCode!: string | null;
  @Field({ description: 'current | carry-over' }) origin!: string;
  @Field(() => DecimalScalar, { description: 'Balance just before the event (yuan).' })
  before!: string;
  @Field(() => DecimalScalar, { description: 'Balance just after the event (yuan).' })
  after!: string;
  @Field(() => DecimalScalar, { description: 'after − before (yuan).' }) delta!: string;
}

export function toLineChange(m: LineMovement): BudgetLineChange {
  const l = m.line;
  return {
    lineId: m.lineId,
    unitCode: l.unitCode,
    fundSource: l.fundSource,
    functionalCode: l.functionalCode,
    kind: l.kind,
    deptEconCode: l.deptEconCode,
    govEconCode: l.govEconCode,
    projectCode: l.projectCode,
    origin: l.origin,
    before: m.before,
    after: m.after,
    delta: m.delta,
  };
}
