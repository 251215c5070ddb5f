/**
 * What an adjustment would change in the disclosure, decided by the domain and changing nothing:
 * the adjustment is submitted and approved on the unit-year's current state in memory
 * (tryDecide, the very rules a real submission and approval run), and the disclosure is built
 * twice from the current facts, before and after the approval's line deltas. The stream version
 * it was decided on is returned, so a submission can be made conditional on it.
 */
import type pg from 'pg';
import type { LedgerService } from './ledger-service';
import {
  budgetStreamId,
  foldBudget,
  lineId,
  Money,
  RULES,
  tryDecide,
  type BudgetCommand,
  type BudgetState,
  type LineDelta,
  type RuleError,
  type ReferenceLists,
} from '../domain';
import { buildDisclosure, type Disclosure, type DisclosureFacts } from '../domain/disclosure';
import { disclosureFacts } from '../projections/disclosure-facts';
import { registeredUnits } from '../projections/read-queries';
import { diffCells } from '../domain/disclosure/diff';

/** The approver a preview pretends: never a real token's actor (those are `<role>:<label>`). */
export const PREVIEW_REVIEWER = 'preview';

export interface PreviewProblem {
  ruleId: string;
  code: string;
  /** The rule as the year's rules name it, in Chinese (no line id, no English). */
  title: string;
  message: string;
  /** The input field at fault, when one is. */
  field: string | null;
  /** The index of the line entry at fault, when one is. */
  entry: number | null;
}

export interface PreviewCell {
  table: string;
  tableTitle: string;
  rowKey: string | null;
  code: string | null;
  name: string | null;
  column: string;
  columnTitle: string;
  before: string | null;
  after: string | null;
}

export interface PreviewLine {
  lineId: string;
  entry: number | null;
  before: string;
  after: string;
  delta: string;
}

export interface Preview {
  basedOnVersion: bigint;
  problems: PreviewProblem[];
  cells: PreviewCell[];
  lines: PreviewLine[];
}

export interface PreviewRequest {
  unitCode: string;
  fiscalYear: number;
  /** A SubmitAdjustment to submit and approve, or null to approve `adjustmentId` as pending. */
  submit: BudgetCommand | null;
  adjustmentId: string;
  /** Line ids of the input's entries, in order, where they could be named (for `entry`). */
  entryLineIds: (string | null)[];
  today: string;
  /**
   * The person who would approve a pending adjustment, so that approving one's own submission
   * shows as the problem it is; a stand-in for the dry run of a submission.
   */
  reviewer?: string;
}

export async function previewAdjustment(
  pool: pg.Pool,
  service: LedgerService,
  req: PreviewRequest,
): Promise<Preview> {
  // The ledger's lists as they stand, adopted codes included: what a real submission is decided on.
  const references = service.references.current;
  const streamId = budgetStreamId(req.unitCode, req.fiscalYear);
  const [fold] = await service.budgetStates([streamId]);
  const empty = { basedOnVersion: fold!.version, cells: [], lines: [] };
  const problem = (error: RuleError): Preview => ({
    ...empty,
    problems: [problemOf(error, req, references)],
  });
  let state: BudgetState = fold!.state;
  if (req.submit) {
    const submitted = tryDecide(req.submit, state, references);
    if (!submitted.ok) return problem(submitted.error);
    state = foldBudget(submitted.events, state);
  }
  const approve: BudgetCommand = {
    type: 'ApproveAdjustment',
    data: {
      adjustmentId: req.adjustmentId,
      approvedBy: req.reviewer ?? PREVIEW_REVIEWER,
      approvedAt: req.today,
    },
  };
  const approved = tryDecide(approve, state, references);
  if (!approved.ok) return problem(approved.error);
  const deltas = approved.events.flatMap((e) =>
    e.type === 'AdjustmentApproved' ? e.data.lines : [],
  );
  const [unit] = await registeredUnits(pool, [req.unitCode]);
  const facts = unit ? await disclosureFacts(pool, unit.departmentCode, req.fiscalYear, {}) : null;
  const lines = deltas.map((d) => ({
    lineId: d.lineId,
    entry: entryOf(d.lineId, req),
    before: Money.sum([fold!.state.lines[d.lineId]?.amount ?? Money.ZERO]),
    after: Money.sum([fold!.state.lines[d.lineId]?.amount ?? Money.ZERO, d.delta]),
    delta: d.delta,
  }));
  if (!facts) return { ...empty, problems: [], lines };
  const reference = references.index(req.fiscalYear);
  const build = (f: DisclosureFacts): Disclosure =>
    buildDisclosure(f, reference, { moneyUnit: 'wan-yuan' });
  const before = build(facts);
  const after = build({ ...facts, lines: withDeltas(facts.lines, deltas) });
  return {
    basedOnVersion: fold!.version,
    problems: [],
    lines,
    cells: diffCells(before, after).map((c) => {
      const table = after.tables[c.table as keyof Disclosure['tables']];
      return {
        table: c.table,
        tableTitle: table.title,
        rowKey: c.rowKey,
        code: c.code,
        name: c.name,
        column: c.column,
        columnTitle: table.columns.find((col) => col.key === c.column)?.title ?? c.column,
        before: c.from,
        after: c.to,
      };
    }),
  };
}

/** The facts' lines moved by the deltas (a line the facts lack starts at zero). */
export function withDeltas(
  lines: DisclosureFacts['lines'],
  deltas: readonly LineDelta[],
): DisclosureFacts['lines'] {
  const out = new Map(lines.map((l) => [lineId(l.line), { ...l }]));
  for (const d of deltas) {
    const line = out.get(d.lineId) ?? { line: d.line, amount: Money.ZERO };
    out.set(d.lineId, { line: line.line, amount: Money.sum([line.amount, d.delta]) });
  }
  return [...out.values()];
}

function entryOf(id: string | undefined, req: PreviewRequest): number | null {
  if (id === undefined) return null;
  const i = req.entryLineIds.indexOf(id);
  return i < 0 ? null : i;
}

function problemOf(
  error: RuleError,
  req: PreviewRequest,
  references: ReferenceLists,
): PreviewProblem {
  const {
    ruleId,
    field,
    lineId: line,
    index,
  } = error.details as {
    ruleId: string;
    field?: unknown;
    lineId?: unknown;
    index?: unknown;
  };
  const policy = references.has(req.fiscalYear)
    ? references.index(req.fiscalYear).data.policy.rules.find((r) => r.id === ruleId)
    : undefined;
  return {
    ruleId,
    code: error.code,
    title: (RULES as Record<string, { title: string }>)[ruleId]?.title ?? policy?.title ?? ruleId,
    message: error.message,
    field: typeof field === 'string' ? field : null,
    entry: typeof line === 'string' ? entryOf(line, req) : typeof index === 'number' ? index : null,
  };
}
