/**
 * The published header rows of a table hold merged cells as '' (the layout repeats nothing). This
 * recovers the merges: a titled cell spans right over the empty cells that follow it in its row,
 * then down over the rows whose cells under that span are all empty. Rows are read top to bottom,
 * left to right; a cell already covered by a span above is not taken again. Empty cells nobody
 * covers stay single, empty cells.
 */

export interface HeaderCell {
  /** 0-based row and column of the top-left cell. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export function headerCells(rows: readonly (readonly string[])[]): HeaderCell[] {
  const height = rows.length;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const at = (r: number, c: number): string => (rows[r]?.[c] ?? '').trim();
  const taken: boolean[][] = Array.from({ length: height }, () =>
    new Array<boolean>(width).fill(false),
  );
  const out: HeaderCell[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (taken[r]![c]) continue;
      const text = at(r, c);
      let colSpan = 1;
      let rowSpan = 1;
      if (text !== '') {
        while (c + colSpan < width && !taken[r]![c + colSpan] && at(r, c + colSpan) === '')
          colSpan++;
        const emptyBelow = (rr: number): boolean =>
          Array.from({ length: colSpan }, (_, k) => c + k).every(
            (cc) => !taken[rr]![cc] && at(rr, cc) === '',
          );
        while (r + rowSpan < height && emptyBelow(r + rowSpan)) rowSpan++;
      }
      for (let rr = r; rr < r + rowSpan; rr++)
        for (let cc = c; cc < c + colSpan; cc++) taken[rr]![cc] = true;
      out.push({ row: r, col: c, rowSpan, colSpan, text });
    }
  }
  return out;
}
