/**
 * The explanation (第三部分 公开说明) as typed objects: each section's printed figures and its text.
 * Field names follow src/domain/disclosure (explanation-*.ts), so the builder's sections are
 * returned as they are. Amounts are printed in the disclosure's money unit (万元 or 元) as Decimal
 * strings; percentages are strings with 2 decimals.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@ObjectType({
  description: 'A change against the prior year, from printed figures (增减额/增减率).',
})
export class ChangeFigure {
  @Field(() => DecimalScalar, { description: "The prior year's figure as printed." })
  prior!: string;
  @Field(() => DecimalScalar, { description: '|增减额| as printed.' }) amount!: string;
  @Field(() => String, {
    nullable: true,
    description: '|增减率| in percent; null when the prior year is zero.',
  })
  percent!: string | null;
  @Field({ description: 'increase | decrease | flat' }) direction!: string;
}

@ObjectType({ description: 'An item and its share (占比) of a whole.' })
export class ShareItem {
  @Field() item!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Percent, 2 decimals; null when the whole is zero.',
  })
  sharePercent!: string | null;
}

@ObjectType()
export class SourceAmount {
  @Field({ description: 'Fund source id, e.g. general-public.' }) source!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@ObjectType()
export class ItemAmount {
  @Field() item!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@ObjectType({ description: '一、收支预算变动情况及原因.' })
export class ChangesSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => DecimalScalar) currentYear!: string;
  @Field(() => DecimalScalar) carriedOver!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() text!: string;
}

@ObjectType({ description: '二、收入预算情况说明.' })
export class RevenueSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => [ShareItem]) items!: ShareItem[];
  @Field() text!: string;
}

@ObjectType({ description: '三、支出预算情况说明.' })
export class ExpenditureSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => ShareItem) basic!: ShareItem;
  @Field(() => ShareItem) project!: ShareItem;
  @Field() text!: string;
}

@ObjectType({ description: '四、财政拨款收支预算总体情况说明.' })
export class FiscalSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => [SourceAmount]) bySource!: SourceAmount[];
  @Field(() => DecimalScalar) currentYear!: string;
  @Field(() => DecimalScalar) carriedOver!: string;
  @Field(() => [ItemAmount]) expenditureItems!: ItemAmount[];
  @Field() text!: string;
}

@ObjectType({ description: '五、一般公共预算支出情况说明.' })
export class GeneralPublicSection {
  @Field(() => DecimalScalar) currentYearExpenditure!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
  @Field(() => [ShareItem]) items!: ShareItem[];
  @Field() scaleText!: string;
  @Field() structureText!: string;
}

@ObjectType({ description: 'An amount and the 经济分类 款 names it consists of.' })
export class AmountWithItems {
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => [String]) items!: string[];
}

@ObjectType({ description: '六、一般公共预算基本支出情况说明.' })
export class BasicSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => AmountWithItems) personnel!: AmountWithItems;
  @Field(() => AmountWithItems) public!: AmountWithItems;
  @Field() text!: string;
}

@ObjectType()
export class SanGongItem {
  @Field({ description: 'overseasTravel | officialReception | vehicleOperation | vehiclePurchase' })
  key!: string;
  @Field() item!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
}

@ObjectType({ description: '七、“三公”经费增减变动原因说明.' })
export class SanGongSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
  @Field(() => [SanGongItem]) items!: SanGongItem[];
  @Field() text!: string;
}

@ObjectType({ description: '八、机关运行经费增减变动原因说明.' })
export class AgencyOperatingSection {
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() text!: string;
}

@ObjectType({ description: '九、政府采购情况.' })
export class ProcurementSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => DecimalScalar) goods!: string;
  @Field(() => DecimalScalar) works!: string;
  @Field(() => DecimalScalar) services!: string;
  @Field() text!: string;
}

@ObjectType()
export class CountAmount {
  @Field(() => Int) count!: number;
  @Field(() => DecimalScalar) amount!: string;
}

@ObjectType({ description: 'Projects counted, with their money split by category.' })
export class ProjectCount extends CountAmount {
  @Field(() => CountAmount) otherOperating!: CountAmount;
  @Field(() => CountAmount) specificTarget!: CountAmount;
}

@ObjectType()
export class PublishedProjectCount extends ProjectCount {
  @Field(() => String, { nullable: true }) sharePercent!: string | null;
}

@ObjectType()
export class AmountText {
  @Field(() => DecimalScalar) amount!: string;
  @Field() text!: string;
}

@ObjectType({ description: '十、绩效管理情况.' })
export class PerformanceSection {
  @Field(() => AmountText, { nullable: true }) overallTarget!: AmountText | null;
  @Field(() => ProjectCount) managed!: ProjectCount;
  @Field(() => PublishedProjectCount) published!: PublishedProjectCount;
  @Field() text!: string;
}

@ObjectType({ description: '十一、国有资产占有使用情况 (the holdings are Disclosure.assets).' })
export class AssetsSection {
  @Field() vehiclesText!: string;
  @Field() officeSpaceText!: string;
  @Field() equipmentText!: string;
}

@ObjectType({ description: 'The explanation: sections 一 to 十一 with their figures and text.' })
export class Explanation {
  @Field(() => ChangesSection) changes!: ChangesSection;
  @Field(() => RevenueSection) revenue!: RevenueSection;
  @Field(() => ExpenditureSection) expenditure!: ExpenditureSection;
  @Field(() => FiscalSection) fiscalAppropriation!: FiscalSection;
  @Field(() => GeneralPublicSection) generalPublicBudget!: GeneralPublicSection;
  @Field(() => BasicSection) basicExpenditure!: BasicSection;
  @Field(() => SanGongSection) threePublicExpenses!: SanGongSection;
  @Field(() => AgencyOperatingSection) agencyOperatingExpenses!: AgencyOperatingSection;
  @Field(() => ProcurementSection, { nullable: true })
  governmentProcurement!: ProcurementSection | null;
  @Field(() => PerformanceSection) performanceManagement!: PerformanceSection;
  @Field(() => AssetsSection, { nullable: true }) assets!: AssetsSection | null;
}
