import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { SourceAmount } from './explanation/source-amount.type';

@ObjectType({ description: "年度预算情况 of the whole-unit form, in the disclosure's money unit." })
export class UnitFormBudget {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => [SourceAmount]) bySource!: SourceAmount[];
  @Field(() => DecimalScalar) basic!: string;
  @Field(() => DecimalScalar) project!: string;
}
