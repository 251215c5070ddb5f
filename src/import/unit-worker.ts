/**
 * The module the import's worker threads load (workers.ts): the unit task and a disclosure's
 * plan (disclosure/plan-job.ts), run at a lower
 * scheduling priority than the rest of the machine. The threads do bulk CPU work; the main
 * thread (the GraphQL event loop, the append of the units already decided) and the database
 * server, which appends them one statement after another, should not wait behind it. On Linux a
 * thread has its own nice value (setpriority on its thread id, read from /proc/thread-self);
 * elsewhere, or where the system refuses, the threads run at the default priority.
 */
import fs from 'node:fs';
import os from 'node:os';

/** Nice value of the worker threads (0 is the default, 19 the lowest priority). */
export const WORKER_NICE = 10;

function lowerThisThread(): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(tid) && tid > 0) os.setPriority(tid, WORKER_NICE);
  } catch {
    // Not Linux, or not allowed: the default priority is correct, only less considerate.
  }
}

lowerThisThread();

export { checkUnit, warm } from './unit-task';
export { planJob } from './disclosure/plan-job';
