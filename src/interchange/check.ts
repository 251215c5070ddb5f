/**
 * checkPublished(parsed) → the consistency report of a document as published: the domain's rules
 * (checkFigures) on the parsed FigureSet, plus the rules only a published document needs
 * (published-rules, shanghai-rules).
 */
import { checkFigures, type ConsistencyReport, type Finding } from '../domain/disclosure';
import { toFigureSet } from './figure-set';
import { PUBLISHED_RULES } from './published-rules';
import type { ParsedDisclosure } from './types';

export function checkPublished(d: ParsedDisclosure): ConsistencyReport {
  const set = toFigureSet(d);
  const base = checkFigures(set).findings;
  const extra = PUBLISHED_RULES.flatMap((rule) => rule(set)).filter((f): f is Finding => f !== null);
  const findings = [...base, ...extra];
  return { findings, rounding: findings.filter((f) => f.kind === 'rounding').length, inconsistencies: findings.filter((f) => f.kind === 'inconsistency').length };
}
