/**
 * The explanation (第三部分 公开说明) as typed objects: each section's printed figures and its text.
 * Field names follow src/domain/disclosure (explanation-*.ts), so the builder's sections are
 * returned as they are. Amounts are printed in the disclosure's money unit (万元 or 元) as Decimal
 * strings; percentages are strings with 2 decimals.
 */
import { Field, ObjectType } from 'type-graphql';
import { AgencyOperatingSection } from './explanation/agency-operating-section.type';
import { AssetsSection } from './explanation/assets-section.type';
import { BasicSection } from './explanation/basic-section.type';
import { ChangesSection } from './explanation/changes-section.type';
import { ExpenditureSection } from './explanation/expenditure-section.type';
import { FiscalSection } from './explanation/fiscal-section.type';
import { GeneralPublicSection } from './explanation/general-public-section.type';
import { PerformanceSection } from './explanation/performance-section.type';
import { ProcurementSection } from './explanation/procurement-section.type';
import { RevenueSection } from './explanation/revenue-section.type';
import { SanGongSection } from './explanation/san-gong-section.type';

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
