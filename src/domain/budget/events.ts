/**
 * Events of a unit's fiscal-year budget stream (`budget-<unitCode>-<year>`). Amounts are yuan
 * strings. Every event that changes line amounts carries its per-line deltas (`lines`), so a
 * projection writes one posting per entry without re-deciding anything: InitialBudgetAllocated,
 * CarryOverRecorded and AdjustmentApproved. Nothing else changes a line.
 * Data are type aliases (not interfaces) without optional fields so they are plain JSON.
 */
import type { UnitKind } from '../reference/types';
import type { LineAmount, LineDelta } from './line';
import type { AdjustmentType } from '../policy/engine';
import type { PublicationFinding } from '../publication/types';

export type { AdjustmentType } from '../policy/engine';

type Event<T extends string, D, V extends number = 1> = { type: T; schemaVersion: V; data: D };
/**
 * Line-changing events are written at schema version 3 (src/domain/budget/schema.ts); read from
 * the log, one stored at 2 keeps its version. Both are the same event in memory.
 */
type LineEvent<T extends string, D> = Event<T, D, 2 | 3>;

/** Prior-year figures for the explanation when the prior year is not in the ledger (yuan). */
export type PriorYearComparatives = {
  fiscalYear: number;
  total: string;
  sanGong: {
    overseasTravel: string;
    officialReception: string;
    vehiclePurchase: string;
    vehicleOperation: string;
  };
  agencyOperatingExpenses: string;
  /** Where the figures come from (e.g. the prior year's published disclosure). */
  source: string | null;
};

export type ProjectCategory = 'other-operating' | 'specific-goal'; // 其他运转类 / 特定目标类
export type ProjectAttribute = 'one-off' | 'recurring'; // 一次性 / 经常性
export type ProcurementCategory = 'goods' | 'works' | 'services'; // 货物 / 工程 / 服务

export type Project = {
  code: string;
  name: string;
  category: ProjectCategory;
  attribute: ProjectAttribute;
  /** As the form prints it, e.g. "1年". */
  period: string;
  procurement: { category: ProcurementCategory; amount: string }[];
  implementingUnit: string | null;
};

export type Indicator = {
  level1: string; // 一级指标: 产出指标 / 效益指标 / 满意度指标
  level2: string | null; // 二级指标, as printed (may be empty)
  level3: string | null; // 三级指标, free text
  value: string | null; // e.g. "14套", "≥95%", "及时"
  /** The annual-target side of a project form when it differs in print; null otherwise. */
  annual: { level2: string | null; level3: string | null; value: string | null } | null;
};

export type TargetForm = {
  goal: string | null;
  indicators: Indicator[];
  /** Free-text fields of the form (overview, basis, necessity, measures, plan …). */
  details: Record<string, string | null>;
};

export type TargetScope = 'unit' | 'project';

export type StateAssets = {
  asOf: string;
  vehicles: { establishment: number; actual: number; byUse: Record<string, number> };
  officeSpaceM2: string;
  equipmentOver500k: number;
  equipmentOver1m: number;
};

export type FiscalYearOpened = Event<
  'FiscalYearOpened',
  {
    unitCode: string;
    fiscalYear: number;
    unitName: string;
    unitKind: UnitKind;
    openedAt: string;
    priorYear: PriorYearComparatives | null;
  }
>;
export type ProjectRegistered = Event<
  'ProjectRegistered',
  { project: Project; registeredAt: string }
>;
export type InitialBudgetAllocated = LineEvent<
  'InitialBudgetAllocated',
  { allocationId: string; allocatedAt: string; documentNumber: string | null; lines: LineDelta[] }
>;
export type CarryOverRecorded = LineEvent<
  'CarryOverRecorded',
  { carryOverId: string; recordedAt: string; documentNumber: string | null; lines: LineDelta[] }
>;
export type AdjustmentSubmitted = LineEvent<
  'AdjustmentSubmitted',
  {
    adjustmentId: string;
    adjustmentType: AdjustmentType;
    reason: string;
    documentNumber: string;
    effectiveDate: string;
    submittedBy: string;
    submittedAt: string;
    lines: LineDelta[];
  }
>;
export type AdjustmentApproved = LineEvent<
  'AdjustmentApproved',
  {
    adjustmentId: string;
    adjustmentType: AdjustmentType;
    documentNumber: string;
    effectiveDate: string;
    approvedBy: string;
    approvedAt: string;
    lines: LineDelta[];
  }
>;
export type AdjustmentRejected = Event<
  'AdjustmentRejected',
  { adjustmentId: string; rejectedBy: string; rejectedAt: string; reason: string }
>;
export type PerformanceTargetsSet = Event<
  'PerformanceTargetsSet',
  {
    formId: string;
    scope: TargetScope;
    projectCode: string | null;
    form: TargetForm;
    setBy: string;
    setAt: string;
  }
>;
export type PerformanceTargetsRevised = Event<
  'PerformanceTargetsRevised',
  {
    formId: string;
    revision: number;
    form: TargetForm;
    reason: string;
    revisedBy: string;
    revisedAt: string;
  }
>;
export type PerformanceTargetsWithdrawn = Event<
  'PerformanceTargetsWithdrawn',
  { formId: string; reason: string; withdrawnBy: string; withdrawnAt: string }
>;
export type ProcurementBudgetRecorded = Event<
  'ProcurementBudgetRecorded',
  { recordedAt: string; goods: string; works: string; services: string; total: string }
>;
export type StateAssetsRecorded = Event<'StateAssetsRecorded', StateAssets>;
/**
 * Written at schema version 2, which adds `acknowledgedWarnings`: the publication gate's WARNING
 * findings the publisher acknowledged. Version 1 events (published before the gate) read as null.
 */
export type DisclosurePublished = Event<
  'DisclosurePublished',
  {
    disclosureId: string;
    publishedAt: string;
    ledgerPosition: string;
    digest: string;
    title: string | null;
    layout: string | null;
    acknowledgedWarnings: PublicationFinding[] | null;
  },
  1 | 2
>;
export type FiscalYearClosed = Event<
  'FiscalYearClosed',
  { closedAt: string; closedBy: string; carryForward: (LineAmount & { lineId: string })[] }
>;

export type BudgetEvent =
  | FiscalYearOpened
  | ProjectRegistered
  | InitialBudgetAllocated
  | CarryOverRecorded
  | AdjustmentSubmitted
  | AdjustmentApproved
  | AdjustmentRejected
  | PerformanceTargetsSet
  | PerformanceTargetsRevised
  | PerformanceTargetsWithdrawn
  | ProcurementBudgetRecorded
  | StateAssetsRecorded
  | DisclosurePublished
  | FiscalYearClosed;

export type BudgetEventType = BudgetEvent['type'];

/** The line changes an event makes (empty for events that change no line). */
export function lineChanges(event: BudgetEvent): readonly LineDelta[] {
  switch (event.type) {
    case 'InitialBudgetAllocated':
    case 'CarryOverRecorded':
    case 'AdjustmentApproved':
      return event.data.lines;
    default:
      return [];
  }
}

/** The data field holding each event's business date (for the store's effective_date). */
const DATE_FIELD: { [K in BudgetEventType]: keyof Extract<BudgetEvent, { type: K }>['data'] } = {
  FiscalYearOpened: 'openedAt',
  ProjectRegistered: 'registeredAt',
  InitialBudgetAllocated: 'allocatedAt',
  CarryOverRecorded: 'recordedAt',
  AdjustmentSubmitted: 'submittedAt',
  // An approved adjustment is in force from its effective date, not from the day of approval.
  AdjustmentApproved: 'effectiveDate',
  AdjustmentRejected: 'rejectedAt',
  PerformanceTargetsSet: 'setAt',
  PerformanceTargetsRevised: 'revisedAt',
  PerformanceTargetsWithdrawn: 'withdrawnAt',
  ProcurementBudgetRecorded: 'recordedAt',
  StateAssetsRecorded: 'asOf',
  DisclosurePublished: 'publishedAt',
  FiscalYearClosed: 'closedAt',
};

/** The business date (YYYY-MM-DD) from which an event's fact is in force. */
export function effectiveDateOf(event: BudgetEvent): string {
  const value = (event.data as Record<string, unknown>)[DATE_FIELD[event.type] as string];
  return String(value).slice(0, 10);
}
