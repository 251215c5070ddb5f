/**
 * Block search for the basic-spending fit: the structure (which functional 项 may hold which
 * table-6 economic row) splits into connected blocks, each fitted on its own margins. Pure.
 */

/** Connected blocks of the bipartite structure (rows = 项, columns = economic rows). */
export function blocks(
  nRows: number,
  nCols: number,
  allowed: boolean[][],
): { rows: number[]; cols: number[] }[] {
  const seenR = new Array<boolean>(nRows).fill(false);
  const seenC = new Array<boolean>(nCols).fill(false);
  const out: { rows: number[]; cols: number[] }[] = [];
  for (let c0 = 0; c0 < nCols; c0++) {
    if (seenC[c0]) continue;
    const b = { rows: [] as number[], cols: [] as number[] };
    const stack: ['r' | 'c', number][] = [['c', c0]];
    seenC[c0] = true;
    while (stack.length) {
      const [t, k] = stack.pop()!;
      if (t === 'c') {
        b.cols.push(k);
        for (let r = 0; r < nRows; r++) {
          if (allowed[r]![k] && !seenR[r]) {
            seenR[r] = true;
            stack.push(['r', r]);
          }
        }
      } else {
        b.rows.push(k);
        for (let c = 0; c < nCols; c++) {
          if (allowed[k]![c] && !seenC[c]) {
            seenC[c] = true;
            stack.push(['c', c]);
          }
        }
      }
    }
    out.push({ rows: b.rows.sort((x, y) => x - y), cols: b.cols.sort((x, y) => x - y) });
  }
  return out;
}
