/**
 * Interval repair: whole-unit variables (here whole yuan, counted in fen) and constraints "the sum
 * of these variables plus a fixed part lies in [lo, hi)" — each printed 万元 cell is such an
 * interval around its exact sum. Starting from a fitted point, a steepest-descent search moves one
 * variable, or shifts an amount between two (which keeps every sum holding both), until no
 * interval is violated; it prefers sums at least `margin` inside their interval so that no figure
 * sits on a rounding edge. Deterministic. Pure.
 */

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
}

export interface RepairResult {
  values: number[];
  /** Constraints still violated (hard bounds, margin ignored). */
  violated: IntervalConstraint[];
  iterations: number;
}

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export function repairIntervals(
  start: readonly number[],
  constraints: readonly IntervalConstraint[],
  opts: RepairOptions,
): RepairResult {
  const x = [...start];
  const min = opts.min ?? 0;
  const sums = constraints.map((c) => c.fixed + c.members.reduce((s, i) => s + x[i]!, 0));
  const of: number[][] = x.map(() => []);
  constraints.forEach((c, k) => c.members.forEach((i) => of[i]!.push(k)));
  // Cost of a sum: hard violation weighs far more than intruding into the margin.
  const cost = (k: number, s: number): number => {
    const c = constraints[k]!;
    const hi = c.hi - 1; // integers: [lo, hi) = [lo, hi - 1]
    const hard = s < c.lo ? c.lo - s : s > hi ? s - hi : 0;
    const width = hi - c.lo;
    const m = Math.min(opts.margin, Math.floor(width / 2));
    const soft = s < c.lo + m ? c.lo + m - s : s > hi - m ? s - (hi - m) : 0;
    return hard * 1000 + soft;
  };
  const total = () => sums.reduce((t, s, k) => t + cost(k, s), 0);
  // Change of total cost when variable a moves by da and variable b by db.
  const delta = (a: number, da: number, b: number, db: number): number => {
    let d = 0;
    const touched = new Map<number, number>();
    for (const k of of[a]!) touched.set(k, (touched.get(k) ?? 0) + da);
    if (b >= 0) for (const k of of[b]!) touched.set(k, (touched.get(k) ?? 0) + db);
    for (const [k, dk] of touched) if (dk !== 0) d += cost(k, sums[k]! + dk) - cost(k, sums[k]!);
    return d;
  };
  const apply = (i: number, di: number) => {
    x[i]! += di;
    for (const k of of[i]!) sums[k]! += di;
  };
  let current = total();
  let iterations = 0;
  const maxIterations = opts.maxIterations ?? 20000;
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
  const violated = constraints.filter((c, k) => sums[k]! < c.lo || sums[k]! >= c.hi);
  return { values: x, violated, iterations };
}
