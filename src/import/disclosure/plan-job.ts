/**
 * A disclosure's text to its plan (parse, then plan), as a job that plain data goes into and comes
 * out of, so that it can run in a worker thread: the figures' repair is seconds of CPU on a large
 * or garbled document, and the GraphQL service must keep answering meanwhile (workers.ts). The same
 * function runs on the calling thread for the CLI. Pure.
 */
import { ReferenceIndex, type ReferenceData } from '../../domain';
import {
  finalAccountsMessage,
  finalAccountsOf,
  parseDisclosure,
  type Issue,
} from '../../interchange';
import { planDisclosureImport, type DisclosurePlan, type PlanInput } from './disclosure-plan';
import { FiguresNotFitted, type NotFittedFacts } from './repair';

export interface PlanJob extends Omit<PlanInput, 'parsed' | 'reference'> {
  /** The year's lists as data (a ReferenceIndex does not cross to a thread). */
  reference: ReferenceData;
}

export type PlanOutcome =
  /** A final account (决算), not a budget: refused before parsing. */
  | { kind: 'refused'; problem: Issue }
  | { kind: 'planned'; plan: DisclosurePlan }
  /** The repair ran out of its work budget (thrown as FiguresNotFitted on the caller's side). */
  | { kind: 'not-fitted'; facts: NotFittedFacts };

export function planJob(job: PlanJob): PlanOutcome {
  const final = finalAccountsOf(job.text);
  if (final)
    return {
      kind: 'refused',
      problem: { line: final.line, severity: 'warning', message: finalAccountsMessage(final) },
    };
  try {
    const plan = planDisclosureImport({
      ...job,
      parsed: parseDisclosure(job.text),
      reference: new ReferenceIndex(job.reference),
    });
    return { kind: 'planned', plan };
  } catch (err) {
    if (err instanceof FiguresNotFitted) return { kind: 'not-fitted', facts: err.facts };
    throw err;
  }
}

/** Where a plan job runs: this thread, or a worker pool (ImportWorkers.planDisclosure). */
export type DisclosurePlanner = (job: PlanJob) => Promise<PlanOutcome>;

export const planOnThisThread: DisclosurePlanner = async (job) => planJob(job);
