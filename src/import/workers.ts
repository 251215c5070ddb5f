/**
 * Where an import's units are checked and decided (unit-task.ts): on the calling thread, or in a
 * pool of worker threads (piscina). Reading, checking and deciding 100,000 lines is CPU work in
 * JavaScript, and units are independent, so a pool spreads the units of a department's file over
 * the machine's cores while the main thread appends the units already decided (import-lines.ts,
 * BENCHMARKS.md "line-item import"). Same function, same results, either way: the task and its
 * result are plain data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import type { PlanJob, PlanOutcome } from './disclosure/plan-job';
import { checkUnit, type UnitResult, type UnitTask } from './unit-task';

export interface UnitRunner {
  run(task: UnitTask): Promise<UnitResult>;
  /** How many tasks it works on at once. */
  readonly concurrency: number;
}

/** Every unit on the calling thread, one after another. */
export const onThisThread: UnitRunner = { run: async (task) => checkUnit(task), concurrency: 1 };

/**
 * The compiled module the worker threads load (unit-worker.ts: the unit task, at a lower priority).
 * Running from TypeScript (ts-jest), this module is src/import/workers.ts and the threads load the
 * build's copy (npm test builds first).
 */
function taskModule(): string {
  const here = path.join(__dirname, 'unit-worker.js');
  if (fs.existsSync(here)) return here;
  const built = path.resolve(__dirname, '../../dist/src/import/unit-worker.js');
  if (fs.existsSync(built)) return built;
  throw new Error(
    `the import workers need the compiled ${path.relative(process.cwd(), built)}: run npm run build`,
  );
}

/**
 * The threads' young generation, where a unit's rows, keys and events live and die: a unit of
 * 1,000 lines allocates some 5 MB that survives until its events are made, and with V8's default
 * (16 MB semi-spaces) each scavenge copies the lines in flight and promotes them to the old
 * generation, which is then collected too. 192 MB (64 MB semi-spaces) lets most units finish
 * between two scavenges: a fifth less CPU for the bench file (BENCHMARKS.md). It is a ceiling;
 * V8 grows the semi-spaces only while the work needs them.
 */
const YOUNG_GENERATION_MB = 192;

export class ImportWorkers implements UnitRunner {
  private readonly pool: Piscina;

  /**
   * `threads`: default one per core the process may use. `minThreads`: how many stay up between
   * imports (a new one loads the domain first); default all, the service keeps none idle.
   */
  constructor(
    readonly threads = os.availableParallelism(),
    minThreads = threads,
  ) {
    this.pool = new Piscina({
      filename: taskModule(),
      name: 'checkUnit',
      minThreads,
      maxThreads: threads,
      idleTimeout: 60_000,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  }

  get concurrency(): number {
    return this.threads;
  }

  run(task: UnitTask): Promise<UnitResult> {
    return this.pool.run(task) as Promise<UnitResult>;
  }

  /** A disclosure's parse and plan (disclosure/plan-job.ts) in a thread of the pool. */
  planDisclosure(job: PlanJob): Promise<PlanOutcome> {
    return this.pool.run(job, { name: 'planJob' }) as Promise<PlanOutcome>;
  }

  /** Loads the task module in every thread, so that the first import does not wait for it. */
  async warm(): Promise<void> {
    await Promise.all(
      Array.from({ length: this.threads }, () => this.pool.run(null, { name: 'warm' })),
    );
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
