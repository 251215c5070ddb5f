/**
 * The publication gate: what publishing a disclosure checks first. Each rule kind of the year's
 * publication-rules.json has one check here (INTERPRETERS); the consistency rules themselves live
 * in src/domain/disclosure (checkDisclosure) and are only given a level here. Pure: the facts
 * of the disclosure being published and the year's reference data are inputs.
 */
import DecimalJs from 'decimal.js';
import * as Money from '../money';
import type { ReferenceIndex } from '../reference/lookup';
import { buildDisclosure, type Disclosure } from '../disclosure/build';
import { checkDisclosure } from '../disclosure/check';
import type { Finding } from '../disclosure/check-core';
import type { DisclosureFacts } from '../disclosure/facts';
import { ruleError } from '../rules/errors';
import type {
  PublicationFinding,
  PublicationLevel,
  PublicationRule,
  PublicationRuleKind,
  PublicationRuleSet,
} from './types';

/** What a check looks at: the facts at the published position and the disclosure built of them. */
export interface GateSubject {
  facts: DisclosureFacts;
  disclosure: Disclosure;
  /** The year's display tolerance (万元 as printed). */
  tolerance: DecimalJs;
}

/** A finding before the rule's id, level, title and fix hint are attached. */
type Raw = Pick<PublicationFinding, 'message' | 'check' | 'subject' | 'cells' | 'figures'>;
type Check = (subject: GateSubject) => Raw[];

const missing = (message: string, subject: string | null = null): Raw => ({
  message,
  check: null,
  subject,
  cells: [],
  figures: null,
});

/** 每个项目须有绩效目标表: a registered project without a form (never set, or withdrawn). */
const projectForm: Check = ({ facts }) =>
  facts.projects
    .filter(
      (p) => !facts.performanceForms.some((f) => f.scope === 'project' && f.projectCode === p.code),
    )
    .map((p) => ({
      ...missing(`项目 ${p.code}（${p.name}）没有绩效目标表`, p.code),
      cells: [{ table: 't12', row: p.code, column: 'total' }],
    }));

const unitForm: Check = ({ facts }) =>
  facts.performanceForms.some((f) => f.scope === 'unit')
    ? []
    : [missing(`${facts.department.name} 没有单位整体绩效目标表`)];

const procurementBudget: Check = ({ facts }) =>
  facts.procurement ? [] : [missing('没有记录政府采购预算')];

const stateAssets: Check = ({ facts }) =>
  facts.assets ? [] : [missing('没有记录国有资产占有使用情况')];

const priorYear: Check = ({ facts }) =>
  facts.priorYear ? [] : [missing('没有上年数，说明无法写出与上年相比的增减变动')];

/** A registered project with no money prints an empty row in table 12. */
const projectFunded: Check = ({ facts }) =>
  facts.projects
    .filter((p) =>
      Money.isZero(
        Money.sum(facts.lines.filter((l) => l.line.projectCode === p.code).map((l) => l.amount)),
      ),
    )
    .map((p) => ({
      ...missing(`项目 ${p.code}（${p.name}）没有预算`, p.code),
      cells: [{ table: 't12', row: p.code, column: 'total' }],
    }));

const PLACE_NAMES: Record<string, string> = {
  narrative: '公开说明',
  form: '绩效目标表',
  procurement: '政府采购预算',
};

/** The tables a finding compares, as the document names them: 表6、公开说明. */
const placesOf = (cells: readonly { table: string }[]): string =>
  [
    ...new Set(
      cells.map((c) => {
        const n = /^t(\d+)$/.exec(c.table);
        return n ? `表${Number(n[1])}` : (PLACE_NAMES[c.table] ?? '公开文件');
      }),
    ),
  ].join('与') || '公开文件';

/** A consistency finding beyond the display tolerance, of the kind a figures-* rule covers. */
function figureFindings(kind: Finding['kind']): Check {
  return ({ disclosure, tolerance }) =>
    checkDisclosure(disclosure)
      .findings.filter(
        (f) => f.kind === kind && new DecimalJs(f.difference).abs().greaterThan(tolerance),
      )
      .map((f) => ({
        // The officer reads where, not the rule's id (that stays in `check` for integrators).
        message: `${placesOf(f.cells)}：公开数 ${f.published}，计算数 ${f.computed}，相差 ${f.difference}`,
        check: f.ruleId,
        subject: null,
        cells: f.cells,
        figures: { published: f.published, computed: f.computed, difference: f.difference },
      }));
}

/**
 * Each kind's check and the id of the rule of that kind in the shipped publication-rules.json
 * files (tests/unit/domain/publication.test.ts holds every shipped year to these pairs).
 */
export const GATE_CHECKS: { [K in PublicationRuleKind]: { shipped: string; check: Check } } = {
  'project-performance-form': {
    shipped: 'publication.project-performance-form',
    check: projectForm,
  },
  'unit-performance-form': { shipped: 'publication.unit-performance-form', check: unitForm },
  'procurement-budget': { shipped: 'publication.procurement-budget', check: procurementBudget },
  'state-assets': { shipped: 'publication.state-assets', check: stateAssets },
  'prior-year': { shipped: 'publication.prior-year', check: priorYear },
  'project-funded': { shipped: 'publication.project-funded', check: projectFunded },
  'figures-consistent': {
    shipped: 'publication.figures-consistent',
    check: figureFindings('inconsistency'),
  },
  'figures-rounding': {
    shipped: 'publication.figures-rounding',
    check: figureFindings('rounding'),
  },
};

function ruleSetOf(reference: ReferenceIndex): PublicationRuleSet {
  const rules = reference.data.publication;
  // The tolerance is compared with figures as the disclosure prints them, in 万元.
  if (rules.tolerance.unit !== '万元')
    throw new Error(`publication tolerance must be in 万元, not ${rules.tolerance.unit}`);
  return rules;
}

function run(rule: PublicationRule, subject: GateSubject): PublicationFinding[] {
  const check = GATE_CHECKS[rule.kind]?.check;
  // A rule kind the code does not know is a broken rule set, never a rule to skip silently.
  if (!check) throw new Error(`publication rule ${rule.id} has unknown kind ${String(rule.kind)}`);
  return check(subject).map((raw) => ({
    ruleId: rule.id,
    level: rule.level,
    title: rule.title,
    ...raw,
    fix: rule.fix,
  }));
}

/**
 * Every finding of the year's publication rules on the disclosure of `facts`, FATAL first, then
 * WARNING, then SUGGEST (each in rule order).
 */
export function publicationFindings(
  facts: DisclosureFacts,
  reference: ReferenceIndex,
): PublicationFinding[] {
  const rules = ruleSetOf(reference);
  const subject: GateSubject = {
    facts,
    disclosure: buildDisclosure(facts, reference, { moneyUnit: 'wan-yuan' }),
    tolerance: new DecimalJs(rules.tolerance.amount),
  };
  const rank = (l: PublicationLevel): number => ['FATAL', 'WARNING', 'SUGGEST'].indexOf(l);
  return rules.rules
    .flatMap((rule) => run(rule, subject))
    .sort((a, b) => rank(a.level) - rank(b.level));
}

export interface GateVerdict {
  /** FATAL findings and WARNING findings not acknowledged: any of these refuses publication. */
  blocking: PublicationFinding[];
  /** WARNING findings the publisher acknowledged (recorded in the publication). */
  acknowledged: PublicationFinding[];
  suggestions: PublicationFinding[];
}

/**
 * What the findings do to a publication, given the rule ids the publisher acknowledges. Only a
 * WARNING rule of the year can be acknowledged: any other id is refused, so that a mistyped id
 * does not pass for an acknowledgement.
 */
export function gateVerdict(
  findings: readonly PublicationFinding[],
  acknowledge: readonly string[],
  reference: ReferenceIndex,
): GateVerdict {
  const warnings = new Set(
    ruleSetOf(reference)
      .rules.filter((r) => r.level === 'WARNING')
      .map((r) => r.id as string),
  );
  const unknown = acknowledge.filter((id) => !warnings.has(id));
  if (unknown.length > 0)
    throw ruleError(
      'input.invalid',
      `only the year's WARNING rules can be acknowledged (${[...warnings].join(', ')}), not ${unknown.join(', ')}`,
      { field: 'acknowledge', unknown },
    );
  const acknowledged = (f: PublicationFinding): boolean =>
    f.level === 'WARNING' && acknowledge.includes(f.ruleId);
  return {
    blocking: findings.filter(
      (f) => f.level === 'FATAL' || (f.level === 'WARNING' && !acknowledged(f)),
    ),
    acknowledged: findings.filter(acknowledged),
    suggestions: findings.filter((f) => f.level === 'SUGGEST'),
  };
}

/** The acknowledged WARNING findings, or the refusal naming every blocking finding. */
export function enforcePublicationGate(
  facts: DisclosureFacts,
  reference: ReferenceIndex,
  acknowledge: readonly string[],
): PublicationFinding[] {
  const verdict = gateVerdict(publicationFindings(facts, reference), acknowledge, reference);
  if (verdict.blocking.length === 0) return verdict.acknowledged;
  const fatal = verdict.blocking.filter((f) => f.level === 'FATAL').length;
  throw ruleError(
    'publication.blocked',
    `${fatal} FATAL, ${verdict.blocking.length - fatal} unacknowledged WARNING: ` +
      verdict.blocking.map((f) => f.message).join('; '),
    { findings: verdict.blocking },
  );
}
