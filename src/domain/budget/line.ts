/**
 * A budget line: the finest grain the ledger keeps an amount for. Every table of the disclosure
 * is a pivot of line amounts, so the key carries every classification a table can group by.
 */
import type { FundSource, UnitKind } from '../reference/types';
import type { ReferenceIndex } from '../reference/lookup';
import { ruleError } from '../rules/errors';
import { FUND_SOURCES } from '../reference/types';

export type { FundSource } from '../reference/types';

/** 人员经费 / 公用经费 (together 基本支出) / 项目支出. */
export type ExpenditureKind = 'personnel' | 'public' | 'project';
export const EXPENDITURE_KINDS: readonly ExpenditureKind[] = ['personnel', 'public', 'project'];

/** 当年预算 / 上年结转. */
export type Origin = 'current' | 'carry-over';
export const ORIGINS: readonly Origin[] = ['current', 'carry-over'];

/** A type alias (not an interface) so that events holding it are assignable to JSON types. */
export type BudgetLineKey = {
  unitCode: string;
  fiscalYear: number;
  fundSource: FundSource;
  /** 7-digit 项 of the functional classification. */
  functionalCode: string;
  kind: ExpenditureKind;
  /** 5-digit 款 of the department economic classification. */
  deptEconCode: string;
  /** 5-digit 款 of the government economic classification. */
  govEconCode: string;
  /** Required iff kind === 'project'. */
  projectCode: string | null;
  origin: Origin;
};

/** A line and a signed change to it, as carried by events (the delta is a yuan string). */
export type LineDelta = {
  lineId: string;
  line: BudgetLineKey;
  delta: string;
};

/** A line and an amount (allocations, carry-overs, year-end balances). */
export type LineAmount = {
  line: BudgetLineKey;
  amount: string;
};

/**
 * The stable id of a line, used in events and as the postings key:
 * unit|year|fundSource|functional|kind|deptEcon|govEcon|project|origin, with the project code
 * URI-encoded (it is free text) and "-" for no project. Field order never changes. A project coded
 * "-" itself (encodeURIComponent leaves "-" as it is) is written "%2D", so that it can never be
 * read back as "no project" (parseLineId, and the postings view, decode it to "-").
 */
export function lineId(key: BudgetLineKey): string {
  const project =
    key.projectCode === null
      ? '-'
      : key.projectCode === '-'
        ? '%2D'
        : encodeURIComponent(key.projectCode);
  // join, not a template: a template of nine parts makes a rope of concatenations, which every
  // later reader (JSON.stringify of the event above all) must flatten first; join writes the id
  // flat at once (an import makes 100,000 of them: ~20 % less time from ids to event text).
  return [
    key.unitCode,
    key.fiscalYear,
    key.fundSource,
    key.functionalCode,
    key.kind,
    key.deptEconCode,
    key.govEconCode,
    project,
    key.origin,
  ].join('|');
}

/** The inverse of lineId. */
export function parseLineId(id: string): BudgetLineKey {
  const parts = id.split('|');
  if (parts.length !== 9)
    throw ruleError('input.invalid', `${id} is not a line id`, { lineId: id });
  const [
    unitCode,
    year,
    fundSource,
    functionalCode,
    kind,
    deptEconCode,
    govEconCode,
    project,
    origin,
  ] = parts as [
    string,
    string,
    FundSource,
    string,
    ExpenditureKind,
    string,
    string,
    string,
    Origin,
  ];
  return {
    unitCode,
    fiscalYear: Number(year),
    fundSource,
    functionalCode,
    kind,
    deptEconCode,
    govEconCode,
    projectCode: project === '-' ? null : decodeURIComponent(project),
    origin,
  };
}

/** A copy holding exactly the key's fields, so that extra input fields never reach an event. */
export function canonicalLine(key: BudgetLineKey): BudgetLineKey {
  const {
    unitCode,
    fiscalYear,
    fundSource,
    functionalCode,
    kind,
    deptEconCode,
    govEconCode,
    projectCode,
    origin,
  } = key;
  return {
    unitCode,
    fiscalYear,
    fundSource,
    functionalCode,
    kind,
    deptEconCode,
    govEconCode,
    projectCode,
    origin,
  };
}

/** 人员经费 = 301 + 303, 公用经费 = 302 + 310; projects may use any. */
const ECON_CLASSES_BY_KIND: Record<ExpenditureKind, readonly string[] | null> = {
  personnel: ['301', '303'],
  public: ['302', '310'],
  project: null,
};

export interface LineContext {
  unitCode: string;
  fiscalYear: number;
  unitKind: UnitKind;
  reference: ReferenceIndex;
}

function requireOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  id: string,
): void {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw ruleError('input.invalid', `${field} must be one of ${allowed.join(', ')}`, {
      field,
      lineId: id,
      value: String(value),
    });
  }
}

/**
 * Checks a line's shape and codes against the year's reference data; throws the first error. `id`
 * is its lineId, if already made.
 */
export function validateLineKey(
  key: BudgetLineKey,
  ctx: LineContext,
  id: string = lineId(key),
): void {
  if (key.unitCode !== ctx.unitCode || key.fiscalYear !== ctx.fiscalYear) {
    throw ruleError(
      'line.unit-or-year-mismatch',
      `line ${id} is not a line of unit ${ctx.unitCode} in ${ctx.fiscalYear}`,
      { lineId: id },
    );
  }
  requireOneOf(key.fundSource, FUND_SOURCES, 'fundSource', id);
  requireOneOf(key.kind, EXPENDITURE_KINDS, 'kind', id);
  requireOneOf(key.origin, ORIGINS, 'origin', id);
  const hasProject = typeof key.projectCode === 'string' && key.projectCode.trim() !== '';
  if (hasProject !== (key.kind === 'project')) {
    throw ruleError(
      'line.project-code',
      `line ${id}: a project code is required for project money and only for it`,
      { lineId: id },
    );
  }
  ctx.reference.requireCode('functional', key.functionalCode, '项', {
    field: 'functionalCode',
    lineId: id,
  });
  ctx.reference.requireCode('departmentEconomic', key.deptEconCode, '款', {
    field: 'deptEconCode',
    lineId: id,
  });
  ctx.reference.requireCode('governmentEconomic', key.govEconCode, '款', {
    field: 'govEconCode',
    lineId: id,
  });
  const classes = ECON_CLASSES_BY_KIND[key.kind];
  if (classes && !classes.includes(key.deptEconCode.slice(0, 3))) {
    throw ruleError(
      'line.kind-economic',
      `line ${id}: ${key.kind} money cannot use ${key.deptEconCode}`,
      { lineId: id, allowedClasses: classes },
    );
  }
}
