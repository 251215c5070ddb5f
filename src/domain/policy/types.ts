/**
 * A year's policy rules as data (data/reference/<year>/policy.json). Each rule's `kind` selects
 * an interpreter in policy/engine.ts; its parameters are the rest of the object. A rule's `id`
 * is what a POLICY_VIOLATION names in details.ruleId.
 */
import type { ExpenditureKind } from '../budget/line';
import type { PolicyRuleId } from '../rules/catalogue';
import type { SanGongDefinition } from './sangong';

interface RuleBase {
  id: PolicyRuleId;
  title: string;
  description?: string;
  source?: string;
}

/** No adjustment may raise a line of the named codes: `sanGong`, the year's 三公 (三公只减不增). */
export interface NoIncreaseRule extends RuleBase {
  kind: 'no-increase';
  codes: 'sanGong';
}

/** A transfer may not move money between lines of different groups (基本 ↔ 项目). */
export interface NoTransferBetweenRule extends RuleBase {
  kind: 'no-transfer-between';
  groups: ExpenditureKind[][];
}

/** Whoever submitted an adjustment may not review it. */
export interface SegregationOfDutiesRule extends RuleBase {
  kind: 'segregation-of-duties';
}

/** A line's government economic code must match its department code for the unit's kind. */
export interface EconomicMappingRule extends RuleBase {
  kind: 'economic-mapping';
}

export type PolicyRule =
  NoIncreaseRule | NoTransferBetweenRule | SegregationOfDutiesRule | EconomicMappingRule;

export interface PolicyRuleSet {
  fiscalYear: number;
  description?: string;
  rules: PolicyRule[];
  /** The 三公 items and the department economic 款 each counts (src/domain/policy/sangong.ts). */
  sanGong: SanGongDefinition;
  /** Which units and fund sources count towards 机关运行经费 (table 11) in this jurisdiction. */
  agencyOperatingExpenses?: {
    unitKinds: string[];
    fundSources: string[];
    /** The 部门经济分类 款 counted, when the year's definition lists them; absent: all 公用经费 (302). */
    deptEconCodes?: string[];
    /** Project spending on those 款 counts too (2017: the running costs included in projects). */
    includesProjects?: boolean;
    description?: string;
    source?: string;
  };
}
