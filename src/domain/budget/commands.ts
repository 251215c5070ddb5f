/**
 * Commands on a unit's fiscal-year budget stream (`budget-<unitCode>-<year>`). Inputs are what a
 * budget officer enters: amounts are yuan strings, dates ISO strings (YYYY-MM-DD, or a full
 * timestamp for …At fields). Optional fields default to null in the events.
 */
import type { UnitKind } from '../reference/types';
import type { BudgetLineKey } from './line';
import type {
  AdjustmentType,
  PriorYearComparatives,
  Project,
  StateAssets,
  TargetForm,
  TargetScope,
} from './events';

type Command<T extends string, D> = { type: T; data: D };

export type LineAmountInput = { line: BudgetLineKey; amount: string };
export type LineDeltaInput = { line: BudgetLineKey; delta: string };

export type OpenFiscalYear = Command<
  'OpenFiscalYear',
  {
    /** Filled by the handler from the unit registry stream (unit-<code>). */
    unit: { unitCode: string; name: string; kind: UnitKind };
    fiscalYear: number;
    openedAt: string;
    /** Needed only when the prior year is not in the ledger. */
    priorYear?: PriorYearComparatives | null;
  }
>;
export type RegisterProject = Command<
  'RegisterProject',
  {
    project: Omit<Project, 'procurement' | 'implementingUnit'> &
      Partial<Pick<Project, 'procurement' | 'implementingUnit'>>;
    registeredAt: string;
  }
>;
/** 年初预算: many lines at once; several allocations may be recorded (one per form and date). */
export type AllocateInitialBudget = Command<
  'AllocateInitialBudget',
  {
    allocationId: string;
    allocatedAt: string;
    documentNumber?: string | null;
    lines: LineAmountInput[];
  }
>;
/** 上年结转: lines must have origin 'carry-over'. */
export type RecordCarryOver = Command<
  'RecordCarryOver',
  {
    carryOverId: string;
    recordedAt: string;
    documentNumber?: string | null;
    lines: LineAmountInput[];
  }
>;
/** 追加 (all deltas > 0), 追减 (all < 0) or 调剂 (both signs, netting to zero). */
export type SubmitAdjustment = Command<
  'SubmitAdjustment',
  {
    adjustmentId: string;
    adjustmentType: AdjustmentType;
    reason: string;
    documentNumber: string;
    effectiveDate: string;
    submittedBy: string;
    submittedAt: string;
    lines: LineDeltaInput[];
  }
>;
export type ApproveAdjustment = Command<
  'ApproveAdjustment',
  { adjustmentId: string; approvedBy: string; approvedAt: string }
>;
export type RejectAdjustment = Command<
  'RejectAdjustment',
  { adjustmentId: string; rejectedBy: string; rejectedAt: string; reason: string }
>;
export type SetPerformanceTargets = Command<
  'SetPerformanceTargets',
  {
    scope: TargetScope;
    projectCode?: string | null;
    form: TargetForm;
    setBy: string;
    setAt: string;
  }
>;
export type RevisePerformanceTargets = Command<
  'RevisePerformanceTargets',
  { formId: string; form: TargetForm; reason: string; revisedBy: string; revisedAt: string }
>;
export type WithdrawPerformanceTargets = Command<
  'WithdrawPerformanceTargets',
  { formId: string; reason: string; withdrawnBy: string; withdrawnAt: string }
>;
export type RecordProcurementBudget = Command<
  'RecordProcurementBudget',
  { recordedAt: string; goods: string; works: string; services: string }
>;
export type RecordStateAssets = Command<'RecordStateAssets', StateAssets>;
/**
 * The ledger position and digest are computed by the caller (event store) and recorded here; the
 * disclosure facts at that position are passed to decide with it (PublicationSubject).
 */
export type PublishDisclosure = Command<
  'PublishDisclosure',
  {
    disclosureId: string;
    publishedAt: string;
    ledgerPosition: string;
    digest: string;
    title?: string | null;
    layout?: string | null;
    /** The year's WARNING publication rules the publisher acknowledges (publication/gate.ts). */
    acknowledge?: string[] | null;
  }
>;
/** 年终结转: closes the year; carryForward lists what goes on to next year (≤ each balance). */
export type CloseFiscalYear = Command<
  'CloseFiscalYear',
  { closedAt: string; closedBy: string; carryForward?: LineAmountInput[] }
>;

export type BudgetCommand =
  | OpenFiscalYear
  | RegisterProject
  | AllocateInitialBudget
  | RecordCarryOver
  | SubmitAdjustment
  | ApproveAdjustment
  | RejectAdjustment
  | SetPerformanceTargets
  | RevisePerformanceTargets
  | WithdrawPerformanceTargets
  | RecordProcurementBudget
  | RecordStateAssets
  | PublishDisclosure
  | CloseFiscalYear;

export type BudgetCommandType = BudgetCommand['type'];

/**
 * The id of a performance target form: "unit" for the whole-unit form, "project:<code>" otherwise.
 */
export function targetFormId(scope: TargetScope, projectCode: string | null | undefined): string {
  return scope === 'unit' ? 'unit' : `project:${projectCode ?? ''}`;
}
