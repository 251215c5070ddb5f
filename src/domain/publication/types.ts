/**
 * A year's publication gate as data (data/reference/<year>/publication-rules.json): each rule's
 * `kind` selects a check in publication/gate.ts, its `level` says what a finding does to a
 * publication. A finding carries the rule id a publisher acknowledges a WARNING by.
 */
import type { CellRef } from '../disclosure/check-core';

/** FATAL refuses; WARNING refuses unless acknowledged; SUGGEST is reported only. */
export const PUBLICATION_LEVELS = ['FATAL', 'WARNING', 'SUGGEST'] as const;
export type PublicationLevel = (typeof PUBLICATION_LEVELS)[number];

export const PUBLICATION_RULE_KINDS = [
  'project-performance-form',
  'unit-performance-form',
  'procurement-budget',
  'state-assets',
  'prior-year',
  'project-funded',
  'figures-consistent',
  'figures-rounding',
] as const;
export type PublicationRuleKind = (typeof PUBLICATION_RULE_KINDS)[number];

/** Publication rule ids are the year's data, so they are open strings with a prefix. */
export type PublicationRuleId = `publication.${string}`;

export interface PublicationRule {
  id: PublicationRuleId;
  kind: PublicationRuleKind;
  level: PublicationLevel;
  title: string;
  /** What the publisher does about a finding. */
  fix: string;
  description?: string;
  source?: string;
}

export interface PublicationRuleSet {
  fiscalYear: number;
  description?: string;
  /** The largest difference of printed figures that is display rounding (万元 as printed). */
  tolerance: { amount: string; unit: string; description?: string };
  rules: PublicationRule[];
}

export interface PublicationFinding {
  ruleId: PublicationRuleId;
  level: PublicationLevel;
  title: string;
  /** What is wrong, naming the project, table or figure. */
  message: string;
  /** The consistency rule (src/domain/disclosure) behind a figures-* finding; null otherwise. */
  check: string | null;
  /** The project, unit or fact the finding is about (a project code …); null for the whole. */
  subject: string | null;
  /** The printed cells compared (first the published one); empty for a missing fact. */
  cells: CellRef[];
  /** The figures compared, as printed (万元 or %); null for a missing fact. */
  figures: { published: string; computed: string; difference: string } | null;
  fix: string;
}
