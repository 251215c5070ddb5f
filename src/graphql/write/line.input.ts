import { Field, InputType } from 'type-graphql';
import {
  parseLineId,
  type BudgetLineKey,
  type LineAmountInput,
  type LineDeltaInput,
  type Origin,
} from '../../domain';
import { BadInputError } from '../../domain/errors';
import { LineAmountEntryInput } from './line-amount-entry.input';
import { LineDeltaEntryInput } from './line-delta-entry.input';

/**
 * A budget line, named either by its `lineId` (as the read API returns it) or by its
 * classifications. Unit and year come from the mutation, so a line of another unit cannot be
 * smuggled in. Codes are plain strings checked against the year's reference data by the domain
 * (an unknown one is BAD_USER_INPUT with details.ruleId), not GraphQL enums that would change with
 * every year's classification.
 */
@InputType({
  description:
    'A budget line: either lineId, or fundSource + functionalCode + kind + deptEconCode + govEconCode (+ projectCode for project money).',
})
export class LineKeyInput {
  @Field(() => String, {
    nullable: true,
    description: 'e.g. "019001|2024|general-public|2010301|personnel|30101|50101|-|current"',
  })
  lineId?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'general-public | government-fund | state-capital | special-account | unit-funds, or a kind of 单位资金: business-income (事业收入) | operating-income (事业单位经营收入) | other-income (其他收入)',
  })
  fundSource?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '7-digit 项 of the functional classification, e.g. "2010301".',
  })
  functionalCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'personnel 人员经费 | public 公用经费 | project 项目支出',
  })
  kind?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '5-digit 款 of the department economic classification, e.g. "30201".',
  })
  deptEconCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '5-digit 款 of the government economic classification, e.g. "50201".',
  })
  govEconCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Required for project money, absent otherwise.',
  })
  projectCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'current 当年 | carry-over 上年结转; defaults to what the mutation needs (current for allocations and adjustments).',
  })
  origin?: string | null;
}

/**
 * The domain's line key; field checks (known codes, project iff project money) are the domain's.
 */
export function toLineKey(
  input: LineKeyInput,
  unitCode: string,
  fiscalYear: number,
  origin: Origin = 'current',
): BudgetLineKey {
  if (input.lineId) {
    const key = parseLineId(input.lineId);
    if (key.unitCode !== unitCode || key.fiscalYear !== fiscalYear) {
      throw new BadInputError(
        `line ${input.lineId} is not a line of unit ${unitCode} in ${fiscalYear}`,
        { field: 'lineId', lineId: input.lineId },
      );
    }
    return key;
  }
  return {
    unitCode,
    fiscalYear,
    fundSource: (input.fundSource ?? '') as BudgetLineKey['fundSource'],
    functionalCode: input.functionalCode ?? '',
    kind: (input.kind ?? '') as BudgetLineKey['kind'],
    deptEconCode: input.deptEconCode ?? '',
    govEconCode: input.govEconCode ?? '',
    projectCode: input.projectCode ?? null,
    origin: (input.origin ?? origin) as Origin,
  };
}

export const toLineAmounts = (
  entries: readonly LineAmountEntryInput[],
  unitCode: string,
  fiscalYear: number,
  origin: Origin,
): LineAmountInput[] =>
  entries.map((e) => ({ line: toLineKey(e.line, unitCode, fiscalYear, origin), amount: e.amount }));

export const toLineDeltas = (
  entries: readonly LineDeltaEntryInput[],
  unitCode: string,
  fiscalYear: number,
): LineDeltaInput[] =>
  entries.map((e) => ({ line: toLineKey(e.line, unitCode, fiscalYear), delta: e.delta }));
