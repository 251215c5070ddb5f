/**
 * Interval repair: whole-unit variables (here whole yuan, counted in fen) and constraints "the sum
 * of these variables plus a fixed part lies in [lo, hi)" — each printed 万元 cell is such an
 * interval around its exact sum. Starting from a fitted point, a steepest-descent search moves one
 * variable, or shifts an amount between two (which keeps every sum holding both), until no
 * interval is violated; it prefers sums at least `margin` inside their interval so that no figure
 * sits on a rounding edge. Deterministic. Pure.
 *
 * Bounded: every candidate move costs work (one unit per sum it touches), and a search that spends
 * its whole budget is given up with FiguresNotFitted. A document with garbled figures would
 * otherwise keep the search looking for ever smaller improvements for minutes (each step tries
 * every pair of variables); a budget counted in work, not time, refuses it the same way on every
 * machine.
 */
import { BadInputError } from '../../domain/errors';

export interface IntervalConstraint {
  label: string;
  /** Indices of the variables summed. */
  members: number[];
  /** Part of the sum that does not vary (e.g. project lines fixed by their forms). */
  fixed: number;
  /** Inclusive lower and exclusive upper bound of the sum. */
  lo: number;
  hi: number;
}

export interface RepairOptions {
  /** Granularity of a move (100 = whole yuan when counting fen). */
  unit: number;
  /** Preferred distance from the interval's edges (same units as the values). */
  margin: number;
  /** Lower bound of every variable (default 0). */
  min?: number;
  maxIterations?: number;
  /** The most work the search may do (see REPAIR_WORK_BUDGET). */
  workBudget?: number;
}

export interface RepairResult {
  values: number[];
  /** Constraints still violated (hard bounds, margin ignored). */
  violated: IntervalConstraint[];
  iterations: number;
  /** Work done: candidate moves weighed, one unit per sum each touches. */
  work: number;
}

/**
 * The default work budget: about 16 times what the published documents the tests import need (the
 * seed's 30 variables and 773 figures: 2.4 million units; the Shanghai sample's: 2.7 million), and
 * about a second of CPU on the development machine (BENCHMARKS.md "A hopeless disclosure").
 */
export const REPAIR_WORK_BUDGET = 40_000_000;

/**
 * The printed figures cannot be fitted: the repair ran out of its work budget with figures still
 * violated. A user's document, not a fault of the service: BAD_USER_INPUT on the `text` field.
 */
export interface NotFittedFacts {
  workBudget: number;
  /** Steps taken (moves made) before the budget ran out. */
  iterations: number;
  /** Printed figures still outside their interval then. */
  violated: number;
}

export class FiguresNotFitted extends BadInputError {
  constructor(readonly facts: NotFittedFacts) {
    super(
      `the printed figures could not be fitted: the search gave up when its work budget ` +
        `(${facts.workBudget} units) ran out after ${facts.iterations} steps, with ` +
        `${facts.violated} printed figures still not reproduced; are the document's amounts ` +
        `garbled?`,
      { field: 'text', ruleId: 'import.figures-not-fitted', ...facts },
    );
  }
}

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export function repairIntervals(
  start: readonly number[],
  constraints: readonly IntervalConstraint[],
  opts: RepairOptions,
): RepairResult {
  const x = [...start];
  const min = opts.min ?? 0;
  const maxIterations = opts.maxIterations ?? 20000;
  const budget = opts.workBudget ?? REPAIR_WORK_BUDGET;
  const sums = constraints.map((c) => c.fixed + c.members.reduce((s, i) => s + x[i]!, 0));
  const of: number[][] = x.map(() => []);
  constraints.forEach((c, k) => c.members.forEach((i) => of[i]!.push(k)));
  // Cost of a sum: hard violation weighs far more than intruding into the margin. Each interval's
  // bounds are worked out once: cost runs for every sum of every candidate move.
  const bounds = constraints.map((c) => {
    const hi = c.hi - 1; // integers: [lo, hi) = [lo, hi - 1]
    const m = Math.min(opts.margin, Math.floor((hi - c.lo) / 2));
    return { lo: c.lo, hi, softLo: c.lo + m, softHi: hi - m };
  });
  const cost = (k: number, s: number): number => {
    const b = bounds[k]!;
    const hard = s < b.lo ? b.lo - s : s > b.hi ? s - b.hi : 0;
    const soft = s < b.softLo ? b.softLo - s : s > b.softHi ? s - b.softHi : 0;
    return hard * 1000 + soft;
  };
  const total = () => sums.reduce((t, s, k) => t + cost(k, s), 0);
  // Change of total cost when variable a moves by da and variable b by db. `change` holds each
  // touched sum's net change while it is weighed (a sum over both a and b may not change at all),
  // zero again afterwards: no allocation in the innermost loop.
  const change = new Float64Array(constraints.length);
  const weigh = (k: number): number => {
    const dk = change[k]!;
    change[k] = 0;
    return dk === 0 ? 0 : cost(k, sums[k]! + dk) - cost(k, sums[k]!);
  };
  const delta = (a: number, da: number, b: number, db: number): number => {
    work += of[a]!.length + (b >= 0 ? of[b]!.length : 0) + 1;
    if (work > budget)
      throw new FiguresNotFitted({
        workBudget: budget,
        iterations,
        violated: violatedNow().length,
      });
    for (const k of of[a]!) change[k]! += da;
    if (b >= 0) for (const k of of[b]!) change[k]! += db;
    let d = 0;
    for (const k of of[a]!) d += weigh(k);
    if (b >= 0) for (const k of of[b]!) d += weigh(k);
    return d;
  };
  const apply = (i: number, di: number) => {
    x[i]! += di;
    for (const k of of[i]!) sums[k]! += di;
  };
  const violatedNow = () => constraints.filter((c, k) => sums[k]! < c.lo || sums[k]! >= c.hi);
  let work = 0;
  let current = total();
  let iterations = 0;
  while (current > 0 && iterations < maxIterations) {
    iterations++;
    let best = { d: 0, a: -1, da: 0, b: -1, db: 0 };
    // Single moves first; shifts between two variables only when no single move helps.
    for (const pairs of [false, true]) {
      if (best.a >= 0) break;
      for (let a = 0; a < x.length; a++) {
        for (const step of STEPS) {
          for (const sign of [1, -1]) {
            const da = sign * step * opts.unit;
            if (x[a]! + da < min) continue;
            if (!pairs) {
              const d1 = delta(a, da, -1, 0);
              if (d1 < best.d) best = { d: d1, a, da, b: -1, db: 0 };
              continue;
            }
            for (let b = 0; b < x.length; b++) {
              if (b === a || x[b]! - da < min) continue;
              const d2 = delta(a, da, b, -da);
              if (d2 < best.d) best = { d: d2, a, da, b, db: -da };
            }
          }
        }
      }
    }
    if (best.a < 0) break;
    apply(best.a, best.da);
    if (best.b >= 0) apply(best.b, best.db);
    current += best.d;
  }
  return { values: x, violated: violatedNow(), iterations, work };
}
