import { Field, Int, ObjectType } from 'type-graphql';
import type { BuiltDisclosure } from '../../app/disclosures';
import { AsOfPoint } from './as-of-point.type';
import { MoneyUnit } from './as-of.input';
import { AgencyOperatingRule } from './agency-operating-rule.type';
import { DisclosureDepartment } from './disclosure-department.type';

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
