/**
 * A published disclosure (PDF-extracted text) into the ledger through the ordinary write path,
 * for the CLI (`import-disclosure`) and the GraphQL mutation alike. Parse (src/interchange) → plan
 * (src/import/disclosure: units, year, projects, derived basic lines) → decide every command on
 * the current state (nothing is appended unless the whole plan is accepted) → apply. Idempotency
 * keys come from the document's SHA-256: importing the same document again appends nothing.
 * Figures the plan cannot fit within its work budget (a garbled document) throw FiguresNotFitted,
 * a BAD_USER_INPUT naming the text, within seconds.
 */
import { createHash } from 'node:crypto';
import { asDomain, type LedgerService } from './ledger-service';
import {
  budgetStreamId,
  decideAdoption,
  decideUnit,
  evolveUnit,
  foldBudget,
  foldUnit,
  isRuleError,
  referenceStreamId,
  tryDecide,
  unitSnapshot,
  unitStreamId,
  type AdoptReferenceCodes,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
  type ReferenceLists,
  type RegisterBudgetUnit,
  type UnitEvent,
  type UnitState,
} from '../domain';
import type { EventStore } from '../events/event-store';
import type { DisclosurePlan, PlanStep } from '../import/disclosure/disclosure-plan';
import { planOnThisThread, type DisclosurePlanner } from '../import/disclosure/plan-job';
import { FiguresNotFitted } from '../import/disclosure/repair';
import type { Issue } from '../interchange';

export interface ImportDisclosureOptions {
  fileName: string;
  text: string;
  /** SHA-256 of the source file when the text was read from it (a PDF); default the text's. */
  sha256?: string;
  departmentCode: string;
  fiscalYear: number;
  dryRun?: boolean;
  actor?: string;
  /**
   * The person behind the caller's token, recorded in every event's metadata like any other
   * write's; none for the CLI, whose writes name no person.
   */
  person?: string;
  date?: string;
  /**
   * Where the text is parsed and planned (CPU work: seconds for a large document); default this
   * thread. The GraphQL service passes its worker pool, so that it keeps answering meanwhile.
   */
  planner?: DisclosurePlanner;
}

export interface ImportDisclosureReport {
  ok: boolean;
  sha256: string;
  problems: Issue[];
  plan: DisclosurePlan | null;
  steps: {
    key: string;
    unitCode: string;
    summary: string;
    status: 'applied' | 'already-imported' | 'would-apply';
  }[];
}

const keyOf = (sha256: string, step: PlanStep) => `import-disclosure:${sha256}:${step.key}`;
const streamOf = (step: PlanStep, year: number) =>
  step.command.type === 'RegisterBudgetUnit'
    ? unitStreamId(step.unitCode)
    : step.command.type === 'AdoptReferenceCodes'
      ? referenceStreamId(year)
      : budgetStreamId(step.unitCode, year);

/**
 * Decides every step not yet recorded on the state it would meet, against `references` (the
 * service's lists); the refusals, with the step.
 */
async function dryRun(
  store: EventStore,
  steps: PlanStep[],
  recorded: Set<string>,
  year: number,
  references: ReferenceLists,
): Promise<Issue[]> {
  let lists = references;
  const units = new Map<string, UnitState>();
  const budgets = new Map<string, BudgetState>();
  const problems: Issue[] = [];
  for (const step of steps) {
    const { unitCode } = step;
    if (!units.has(unitCode))
      units.set(
        unitCode,
        foldUnit((await store.readStream(unitStreamId(unitCode))).map(asDomain<UnitEvent>)),
      );
    if (!budgets.has(unitCode))
      budgets.set(
        unitCode,
        foldBudget(
          (await store.readStream(budgetStreamId(unitCode, year))).map(asDomain<BudgetEvent>),
        ),
      );
    if (recorded.has(step.key) && step.command.type !== 'AdoptReferenceCodes') continue;
    try {
      if (step.command.type === 'AdoptReferenceCodes') {
        // The later steps are decided with the codes the first one adopts (or adopted before).
        const adopted = decideAdoption(step.command, lists.index(year));
        if (adopted.length > 0) lists = lists.withAdoptedCodes(year, adopted[0]!.data.codes);
        continue;
      }
      if (step.command.type === 'RegisterBudgetUnit') {
        const events = decideUnit(step.command, units.get(unitCode)!);
        units.set(unitCode, events.reduce(evolveUnit, units.get(unitCode)!));
        continue;
      }
      let command = step.command as BudgetCommand;
      if (command.type === 'OpenFiscalYear')
        command = {
          ...command,
          data: { ...command.data, unit: unitSnapshot(units.get(unitCode)!) },
        } as BudgetCommand;
      const result = tryDecide(command, budgets.get(unitCode)!, lists);
      if (result.ok) budgets.set(unitCode, foldBudget(result.events, budgets.get(unitCode)!));
      else
        problems.push({
          line: 1,
          severity: 'warning',
          message: `${step.summary}: refused (${result.error.details.ruleId}): ${result.error.message}`,
        });
    } catch (err) {
      if (!isRuleError(err)) throw err;
      problems.push({
        line: 1,
        severity: 'warning',
        message: `${step.summary}: refused (${err.details.ruleId}): ${err.message}`,
      });
    }
  }
  return problems;
}

export async function importDisclosure(
  service: LedgerService,
  store: EventStore,
  opts: ImportDisclosureOptions,
): Promise<ImportDisclosureReport> {
  const sha256 = opts.sha256 ?? createHash('sha256').update(opts.text).digest('hex');
  const report: ImportDisclosureReport = { ok: false, sha256, problems: [], plan: null, steps: [] };
  // The lists as they stand when the import starts: the plan and its dry run are made with these.
  const references = service.references.current;
  let reference;
  try {
    reference = references.index(opts.fiscalYear);
  } catch (err) {
    if (!isRuleError(err)) throw err;
    return { ...report, problems: [{ line: 1, severity: 'warning', message: err.message }] };
  }
  const planner = opts.planner ?? planOnThisThread;
  const outcome = await planner({
    text: opts.text,
    departmentCode: opts.departmentCode,
    fiscalYear: opts.fiscalYear,
    fileName: opts.fileName,
    sha256,
    reference: reference.data,
    date: opts.date,
  });
  // Hopeless figures are the caller's input error (BAD_USER_INPUT naming the text), not a report.
  if (outcome.kind === 'not-fitted') throw new FiguresNotFitted(outcome.facts);
  if (outcome.kind === 'refused') return { ...report, problems: [outcome.problem] };
  const { plan } = outcome;
  report.plan = plan;
  if (!plan.ok) return { ...report, problems: plan.problems };

  const recordedFlags = await service.recordedKeys(
    plan.steps.map((s) => ({
      streamId: streamOf(s, opts.fiscalYear),
      idempotencyKey: keyOf(sha256, s),
    })),
  );
  const recorded = new Set(plan.steps.filter((_, i) => recordedFlags[i]).map((s) => s.key));
  const refused = await dryRun(store, plan.steps, recorded, opts.fiscalYear, references);
  if (refused.length > 0) return { ...report, problems: refused };

  report.steps = plan.steps.map((s) => ({
    key: s.key,
    unitCode: s.unitCode,
    summary: s.summary,
    status: recorded.has(s.key) ? 'already-imported' : 'would-apply',
  }));
  if (opts.dryRun) return { ...report, ok: true };
  const actor = opts.actor ?? `officer:${opts.departmentCode}-import`;
  const documentRef = `${opts.fileName} sha256:${sha256}`;
  for (const [i, step] of plan.steps.entries()) {
    if (recorded.has(step.key)) continue;
    // Metadata of every event: the source document (file, SHA-256); allocations say whether their
    // lines were derived, and how.
    const reason = JSON.stringify({
      import: 'published-disclosure',
      source: { file: opts.fileName, sha256 },
      derived: step.derived,
      ...(step.derived ? { method: plan.method } : {}),
    });
    const common = {
      actor,
      person: opts.person,
      idempotencyKey: keyOf(sha256, step),
      documentRef,
      reason,
      correlationId: `import-disclosure:${sha256}`,
    };
    if (step.command.type === 'AdoptReferenceCodes')
      await service.adoptCodes(step.command as AdoptReferenceCodes, common);
    else if (step.command.type === 'RegisterBudgetUnit')
      await service.registerUnit(step.command as RegisterBudgetUnit, common);
    else
      await service.execute(step.unitCode, opts.fiscalYear, step.command as BudgetCommand, common);
    report.steps[i]!.status = 'applied';
  }
  return { ...report, ok: true };
}
