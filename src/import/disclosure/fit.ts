/**
 * Margin fitting: given row totals and column totals (integers, e.g. fen) with equal grand totals
 * and a structure saying which cells may hold an amount, find a non-negative integer matrix whose
 * row and column sums are exactly the margins. Transportation-style: a north-west-corner pass over
 * the allowed cells, then augmenting paths (max-flow on the bipartite structure) for whatever the
 * greedy pass left, so the fit succeeds whenever the structure admits one. Nothing is created or
 * lost: every unit of a margin ends in exactly one cell. Pure.
 */

export interface FitResult {
  /** cells[i][j]: the amount at row i, column j (0 where not allowed). */
  cells: number[][];
}

/**
 * Distributes `total` over `weights` in proportion, in whole multiples of `unit`, by the largest
 * remainder method: the parts sum to `total` exactly (total must be a multiple of unit). Weights
 * must be non-negative; with all weights zero the total goes to the first part.
 */
export function largestRemainder(weights: readonly number[], total: number, unit = 1): number[] {
  if (!Number.isSafeInteger(total) || total % unit !== 0)
    throw new Error(`largestRemainder: ${total} is not a whole number of ${unit}`);
  if (weights.length === 0) {
    if (total !== 0) throw new Error('largestRemainder: nothing to distribute over');
    return [];
  }
  const units = total / unit;
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (w * units) / sum);
  const floors = exact.map((e) => Math.floor(e));
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) floors[order[k]!.i]!++;
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    const i = order[k]!.i;
    if (floors[i]! > 0) {
      floors[i]!--;
      left++;
    }
  }
  return floors.map((f) => f * unit);
}

/**
 * Fits a matrix to the margins over the allowed cells. Throws when the margins' grand totals
 * differ, a margin is negative, or the structure admits no fit (a row or column that cannot be
 * placed).
 */
export function fitMargins(
  rows: readonly number[],
  cols: readonly number[],
  allowed: readonly (readonly boolean[])[],
): FitResult {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  if ([...rows, ...cols].some((x) => !Number.isSafeInteger(x) || x < 0))
    throw new Error('fitMargins: margins must be non-negative integers');
  if (sum(rows) !== sum(cols))
    throw new Error(`fitMargins: row total ${sum(rows)} ≠ column total ${sum(cols)}`);
  const m = rows.length;
  const n = cols.length;
  const ok = (i: number, j: number) => allowed[i]?.[j] === true;
  const cells = rows.map(() => cols.map(() => 0));
  const supply = [...rows];
  const demand = [...cols];
  // North-west corner over the allowed cells.
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n && supply[i]! > 0; j++) {
      if (!ok(i, j) || demand[j]! === 0) continue;
      const q = Math.min(supply[i]!, demand[j]!);
      cells[i]![j]! += q;
      supply[i]! -= q;
      demand[j]! -= q;
    }
  }
  // Augmenting paths: row with supply → (allowed cell) column → (used cell, backwards) row → … →
  // column with demand.
  for (let i0 = 0; i0 < m; i0++) {
    while (supply[i0]! > 0) {
      const path = augmentingPath(i0, cells, demand, ok, m, n);
      if (!path)
        throw new Error(`fitMargins: the structure admits no fit (row ${i0} keeps ${supply[i0]})`);
      // path: [i0, j0, i1, j1, …, jk]; bottleneck = min(supply, demand at jk, cells[i_t][j_{t-1}]
      // for backward steps).
      let q = Math.min(supply[i0]!, demand[path[path.length - 1]!]!);
      for (let t = 2; t < path.length; t += 2) q = Math.min(q, cells[path[t]!]![path[t - 1]!]!);
      for (let t = 0; t + 1 < path.length; t += 2) cells[path[t]!]![path[t + 1]!]! += q;
      for (let t = 2; t < path.length; t += 2) cells[path[t]!]![path[t - 1]!]! -= q;
      supply[i0]! -= q;
      demand[path[path.length - 1]!]! -= q;
    }
  }
  return { cells };
}

function augmentingPath(
  i0: number,
  cells: number[][],
  demand: number[],
  ok: (i: number, j: number) => boolean,
  m: number,
  n: number,
): number[] | null {
  const colFrom = new Array<number>(n).fill(-1);
  const rowFrom = new Array<number>(m).fill(-1);
  rowFrom[i0] = i0;
  const queue = [i0];
  while (queue.length > 0) {
    const i = queue.shift()!;
    for (let j = 0; j < n; j++) {
      if (!ok(i, j) || colFrom[j] !== -1) continue;
      colFrom[j] = i;
      if (demand[j]! > 0) {
        const path: number[] = [j];
        let r = i;
        for (;;) {
          path.unshift(r);
          if (r === i0) return path;
          const c = rowFrom[r]!;
          path.unshift(c);
          r = colFrom[c]!;
        }
      }
      for (let k = 0; k < m; k++) {
        if (rowFrom[k] === -1 && cells[k]![j]! > 0) {
          rowFrom[k] = j;
          queue.push(k);
        }
      }
    }
  }
  return null;
}
