import { Field, Int, ObjectType } from 'type-graphql';
import type { BuiltDisclosure } from '../../app/disclosures';
import { DecimalScalar } from '../scalars';
import { AsOfPoint, MoneyUnit } from './as-of.input';

@ObjectType()
export class DisclosureDepartment {
  @Field() code!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'Official vehicles by use (领导用车, 执法执勤用车 …).' })
export class VehicleCount {
  @Field({ description: 'e.g. leadership, lawEnforcement, emergencySupport.' }) use!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class Vehicles {
  @Field(() => Int, { description: '编制数.' }) establishment!: number;
  @Field(() => Int, { description: '实有数.' }) actual!: number;
  @Field(() => [VehicleCount]) byUse!: VehicleCount[];
}

@ObjectType({ description: 'State assets held (国有资产占有使用情况) as recorded.' })
export class StateAssets {
  @Field({ description: 'The date the holdings are stated for.' }) asOf!: string;
  @Field(() => Vehicles) vehicles!: Vehicles;
  @Field({ description: 'Office space in m², as recorded.' }) officeSpaceM2!: string;
  @Field(() => Int, { description: 'General equipment over 500,000 yuan (original value).' })
  equipmentOver500k!: number;
  @Field(() => Int, { description: 'General equipment over 1,000,000 yuan (original value).' })
  equipmentOver1m!: number;
}

@ObjectType({
  description: 'The government procurement budget (政府采购预算) as recorded, exact yuan.',
})
export class ProcurementBudget {
  @Field(() => DecimalScalar) goods!: string;
  @Field(() => DecimalScalar) works!: string;
  @Field(() => DecimalScalar) services!: string;
  @Field(() => DecimalScalar) total!: string;
}

@ObjectType({
  description: 'Which 公用经费 counts as 机关运行经费 (table 11), and where the rule comes from.',
})
export class AgencyOperatingRule {
  @Field({ description: 'admin-and-civil-service-managed | all-units' }) scope!: string;
  @Field(() => [String]) fundSources!: string[];
  @Field({ description: 'department | per-unit' }) rows!: string;
  @Field() source!: string;
}

/**
 * The disclosure of a department's unit-year at a point: the builder's output is kept whole and
 * each part is mapped by a field resolver only when it is selected.
 */
@ObjectType({
  description: "A department's budget disclosure (单位预算公开) at a point in the ledger.",
})
export class Disclosure {
  @Field(() => Int) fiscalYear!: number;
  @Field(() => DisclosureDepartment) department!: DisclosureDepartment;
  @Field(() => MoneyUnit) moneyUnit!: MoneyUnit;
  @Field(() => AsOfPoint, {
    description: 'The point the disclosure reflects (a publication resolved to its position).',
  })
  asOf!: AsOfPoint;
  @Field(() => Boolean, { description: 'True when asked as published.' }) published!: boolean;
  @Field(() => AgencyOperatingRule) agencyOperatingRule!: AgencyOperatingRule;
  /** Not in the schema: what the field resolvers map from. */
  built!: BuiltDisclosure;
}
