/**
 * The state of one unit's fiscal-year budget, folded from its events. It holds only what
 * decisions need: line balances, projects, pending adjustments, target forms and the year's
 * status. Plain JSON objects (no Maps, no Decimals) so that two folds can be compared with
 * deep equality and a snapshot can be stored as JSON. evolve never mutates its input.
 */
import type { UnitKind } from '../reference/types';
import * as Money from '../money';
import type { BudgetLineKey, LineDelta } from './line';
import type {
  AdjustmentType,
  BudgetEvent,
  PriorYearComparatives,
  Project,
  StateAssets,
  TargetForm,
  TargetScope,
} from './events';

export type LineBalance = { line: BudgetLineKey; amount: string };

export type AdjustmentRecord = {
  adjustmentId: string;
  adjustmentType: AdjustmentType;
  reason: string;
  documentNumber: string;
  effectiveDate: string;
  submittedBy: string;
  lines: LineDelta[];
  status: 'submitted' | 'approved' | 'rejected';
  reviewedBy: string | null;
};

export type TargetRecord = {
  formId: string;
  scope: TargetScope;
  projectCode: string | null;
  form: TargetForm;
  revision: number;
  status: 'active' | 'withdrawn';
};

export type BudgetState = {
  status: 'not-opened' | 'open' | 'closed';
  unitCode: string;
  fiscalYear: number;
  unitName: string;
  unitKind: UnitKind;
  priorYear: PriorYearComparatives | null;
  /** Keyed by lineId. A line exists once money has been put on it; it may fall back to 0. */
  lines: Record<string, LineBalance>;
  projects: Record<string, Project>;
  /** Ids of allocations and carry-overs already recorded, so a repeated command is refused. */
  recordedIds: string[];
  adjustments: Record<string, AdjustmentRecord>;
  targets: Record<string, TargetRecord>;
  procurement: { goods: string; works: string; services: string; total: string } | null;
  stateAssets: StateAssets | null;
  disclosures: {
    disclosureId: string;
    publishedAt: string;
    ledgerPosition: string;
    digest: string;
  }[];
};

export const initialBudgetState = (): BudgetState => ({
  status: 'not-opened',
  unitCode: '',
  fiscalYear: 0,
  unitName: '',
  unitKind: 'administrative',
  priorYear: null,
  lines: {},
  projects: {},
  recordedIds: [],
  adjustments: {},
  targets: {},
  procurement: null,
  stateAssets: null,
  disclosures: [],
});

/** Applies line deltas, creating lines on first use. */
function applyDeltas(
  lines: Record<string, LineBalance>,
  deltas: readonly LineDelta[],
): Record<string, LineBalance> {
  const next = { ...lines };
  for (const { lineId, line, delta } of deltas) {
    const current = next[lineId]?.amount ?? Money.ZERO;
    next[lineId] = { line, amount: Money.add(current, delta) };
  }
  return next;
}

function reviewAdjustment(
  state: BudgetState,
  adjustmentId: string,
  status: 'approved' | 'rejected',
  reviewer: string,
): Record<string, AdjustmentRecord> {
  const record = state.adjustments[adjustmentId];
  if (!record) return state.adjustments;
  return { ...state.adjustments, [adjustmentId]: { ...record, status, reviewedBy: reviewer } };
}

function updateTarget(
  state: BudgetState,
  formId: string,
  change: Partial<TargetRecord>,
): Record<string, TargetRecord> {
  const record = state.targets[formId];
  if (!record) return state.targets;
  return { ...state.targets, [formId]: { ...record, ...change } };
}

export function evolve(state: BudgetState, event: BudgetEvent): BudgetState {
  switch (event.type) {
    case 'FiscalYearOpened': {
      const { unitCode, fiscalYear, unitName, unitKind, priorYear } = event.data;
      return { ...state, status: 'open', unitCode, fiscalYear, unitName, unitKind, priorYear };
    }
    case 'ProjectRegistered':
      return {
        ...state,
        projects: { ...state.projects, [event.data.project.code]: event.data.project },
      };
    case 'InitialBudgetAllocated':
      return {
        ...state,
        lines: applyDeltas(state.lines, event.data.lines),
        recordedIds: [...state.recordedIds, event.data.allocationId],
      };
    case 'CarryOverRecorded':
      return {
        ...state,
        lines: applyDeltas(state.lines, event.data.lines),
        recordedIds: [...state.recordedIds, event.data.carryOverId],
      };
    case 'AdjustmentSubmitted': {
      const { submittedAt: _at, ...rest } = event.data;
      const record: AdjustmentRecord = { ...rest, status: 'submitted', reviewedBy: null };
      return { ...state, adjustments: { ...state.adjustments, [record.adjustmentId]: record } };
    }
    case 'AdjustmentApproved':
      return {
        ...state,
        lines: applyDeltas(state.lines, event.data.lines),
        adjustments: reviewAdjustment(
          state,
          event.data.adjustmentId,
          'approved',
          event.data.approvedBy,
        ),
      };
    case 'AdjustmentRejected':
      return {
        ...state,
        adjustments: reviewAdjustment(
          state,
          event.data.adjustmentId,
          'rejected',
          event.data.rejectedBy,
        ),
      };
    case 'PerformanceTargetsSet': {
      const { formId, scope, projectCode, form } = event.data;
      return {
        ...state,
        targets: {
          ...state.targets,
          [formId]: { formId, scope, projectCode, form, revision: 0, status: 'active' },
        },
      };
    }
    case 'PerformanceTargetsRevised':
      return {
        ...state,
        targets: updateTarget(state, event.data.formId, {
          form: event.data.form,
          revision: event.data.revision,
        }),
      };
    case 'PerformanceTargetsWithdrawn':
      return { ...state, targets: updateTarget(state, event.data.formId, { status: 'withdrawn' }) };
    case 'ProcurementBudgetRecorded': {
      const { goods, works, services, total } = event.data;
      return { ...state, procurement: { goods, works, services, total } };
    }
    case 'StateAssetsRecorded':
      return { ...state, stateAssets: event.data };
    case 'DisclosurePublished': {
      const { disclosureId, publishedAt, ledgerPosition, digest } = event.data;
      return {
        ...state,
        disclosures: [...state.disclosures, { disclosureId, publishedAt, ledgerPosition, digest }],
      };
    }
    case 'FiscalYearClosed':
      return { ...state, status: 'closed' };
  }
}

export function foldBudget(
  events: readonly BudgetEvent[],
  from: BudgetState = initialBudgetState(),
): BudgetState {
  return events.reduce(evolve, from);
}

/** Current balance of a line (0 for a line never used). */
export function balanceOf(state: BudgetState, lineId: string): string {
  return state.lines[lineId]?.amount ?? Money.ZERO;
}

/** Sum of all line balances. */
export function totalOf(state: BudgetState): string {
  return Money.sum(Object.values(state.lines).map((l) => l.amount));
}
