/**
 * Tables rebuilt from a page's ruling lines (the "lines" strategy of pdfplumber, whose text the
 * parsers were first written against): rules within 3 points of each other snapped to one
 * position and joined where they meet; their crossings; each crossing's smallest rectangle whose
 * four sides are drawn is a cell; cells sharing a corner are one table. A table's rows are its
 * cells by top, its columns every left edge any cell has (so a cell spanning columns leaves the
 * ones it covers empty, null); a cell's text is the glyphs whose centre lies in it, its lines
 * joined (a name wrapped in its cell is one name again).
 */
import type { Edge, Glyph } from './geometry';
import { clusterBy, textLines } from './words';

const SNAP = 3;
const JOIN = 3;
const INTERSECT = 3;
const MIN_LENGTH = 3;
const MIN_LENGTH_PREFILTER = 1;

export interface Box {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export interface FoundTable {
  bbox: Box;
  /** Rows of cells: text (lines joined), '' for a drawn cell with no text, null for none. */
  rows: (string | null)[][];
}

const length = (e: Edge) => (e.orientation === 'h' ? e.x1 - e.x0 : e.bottom - e.top);

function snap(edges: Edge[]): Edge[] {
  const out: Edge[] = [];
  for (const [o, pos] of [
    ['h', 'top'],
    ['v', 'x0'],
  ] as const) {
    for (const group of clusterBy(
      edges.filter((e) => e.orientation === o),
      (e) => e[pos],
      SNAP,
    )) {
      const mean = group.reduce((s, e) => s + e[pos], 0) / group.length;
      for (const e of group)
        out.push(o === 'h' ? { ...e, top: mean, bottom: mean } : { ...e, x0: mean, x1: mean });
    }
  }
  return out;
}

function join(edges: Edge[]): Edge[] {
  const groups = new Map<string, Edge[]>();
  for (const e of edges) {
    const k = `${e.orientation}:${e.orientation === 'h' ? e.top : e.x0}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const out: Edge[] = [];
  for (const group of groups.values()) {
    const h = group[0]!.orientation === 'h';
    const lo = (e: Edge) => (h ? e.x0 : e.top);
    const hi = (e: Edge) => (h ? e.x1 : e.bottom);
    const sorted = [...group].sort((a, b) => lo(a) - lo(b));
    const joined: Edge[] = [{ ...sorted[0]! }];
    for (const e of sorted.slice(1)) {
      const last = joined[joined.length - 1]!;
      if (lo(e) <= hi(last) + JOIN) {
        if (hi(e) > hi(last)) {
          if (h) last.x1 = e.x1;
          else last.bottom = e.bottom;
        }
      } else joined.push({ ...e });
    }
    out.push(...joined);
  }
  return out;
}

/** The rules a table finder uses: short marks dropped, near ones merged. */
export function mergeEdges(edges: Edge[]): Edge[] {
  const kept = edges.filter((e) => length(e) >= MIN_LENGTH_PREFILTER);
  return join(snap(kept)).filter((e) => length(e) >= MIN_LENGTH);
}

interface Crossing {
  x: number;
  y: number;
  v: Set<Edge>;
  h: Set<Edge>;
}

function crossings(edges: Edge[]): Map<string, Crossing> {
  const points = new Map<string, Crossing>();
  const vs = edges
    .filter((e) => e.orientation === 'v')
    .sort((a, b) => a.x0 - b.x0 || a.top - b.top);
  const hs = edges
    .filter((e) => e.orientation === 'h')
    .sort((a, b) => a.top - b.top || a.x0 - b.x0);
  for (const v of vs)
    for (const h of hs) {
      if (
        v.top <= h.top + INTERSECT &&
        v.bottom >= h.top - INTERSECT &&
        v.x0 >= h.x0 - INTERSECT &&
        v.x0 <= h.x1 + INTERSECT
      ) {
        const k = `${v.x0},${h.top}`;
        const p = points.get(k) ?? { x: v.x0, y: h.top, v: new Set(), h: new Set() };
        p.v.add(v);
        p.h.add(h);
        points.set(k, p);
      }
    }
  return points;
}

const shares = (a: Set<Edge>, b: Set<Edge>) => [...a].some((e) => b.has(e));

function cellsOf(points: Map<string, Crossing>): Box[] {
  const sorted = [...points.values()].sort((a, b) => a.x - b.x || a.y - b.y);
  const connects = (p: Crossing, q: Crossing) =>
    p.x === q.x ? shares(p.v, q.v) : p.y === q.y ? shares(p.h, q.h) : false;
  const cells: Box[] = [];
  sorted.forEach((pt, i) => {
    const rest = sorted.slice(i + 1);
    const below = rest.filter((q) => q.x === pt.x);
    const right = rest.filter((q) => q.y === pt.y);
    for (const b of below) {
      if (!connects(pt, b)) continue;
      for (const r of right) {
        if (!connects(pt, r)) continue;
        const corner = points.get(`${r.x},${b.y}`);
        if (corner && connects(corner, r) && connects(corner, b)) {
          cells.push({ x0: pt.x, top: pt.y, x1: corner.x, bottom: corner.y });
          return;
        }
      }
    }
  });
  return cells;
}

function groupCells(cells: Box[]): Box[][] {
  const corners = (c: Box) => [
    `${c.x0},${c.top}`,
    `${c.x0},${c.bottom}`,
    `${c.x1},${c.top}`,
    `${c.x1},${c.bottom}`,
  ];
  const remaining = [...cells];
  const tables: Box[][] = [];
  let current: Box[] = [];
  let seen = new Set<string>();
  while (remaining.length > 0) {
    const before = current.length;
    for (const cell of [...remaining]) {
      const cs = corners(cell);
      if (current.length === 0 || cs.some((c) => seen.has(c))) {
        cs.forEach((c) => seen.add(c));
        current.push(cell);
        remaining.splice(remaining.indexOf(cell), 1);
      }
    }
    if (current.length === before) {
      tables.push(current);
      current = [];
      seen = new Set();
    }
  }
  if (current.length > 0) tables.push(current);
  const origin = (t: Box[]) =>
    t.reduce(
      (m, c) => (c.top < m[0] || (c.top === m[0] && c.x0 < m[1]) ? [c.top, c.x0] : m),
      [Infinity, Infinity],
    );
  return tables
    .filter((t) => t.length > 1)
    .sort((a, b) => origin(a)[0] - origin(b)[0] || origin(a)[1] - origin(b)[1]);
}

const centreIn = (g: Glyph, b: Box) => {
  const x = (g.x0 + g.x1) / 2;
  const y = (g.top + g.bottom) / 2;
  return x >= b.x0 && x < b.x1 && y >= b.top && y < b.bottom;
};

/** A cell's text: its lines as extract_text reads them, joined without a break. */
export const cellText = (glyphs: Glyph[]): string => textLines(glyphs).join('');

/** The tables drawn on a page, top to bottom, with their cells' text. */
export function findTables(edges: Edge[], glyphs: Glyph[]): FoundTable[] {
  return groupCells(cellsOf(crossings(mergeEdges(edges)))).map((cells) => {
    const xs = [...new Set(cells.map((c) => c.x0))].sort((a, b) => a - b);
    const tops = [...new Set(cells.map((c) => c.top))].sort((a, b) => a - b);
    const bbox: Box = {
      x0: Math.min(...cells.map((c) => c.x0)),
      top: Math.min(...cells.map((c) => c.top)),
      x1: Math.max(...cells.map((c) => c.x1)),
      bottom: Math.max(...cells.map((c) => c.bottom)),
    };
    const inTable = glyphs.filter((g) => centreIn(g, bbox));
    const rows = tops.map((top) => {
      const rowCells = cells.filter((c) => c.top === top);
      return xs.map((x) => {
        const cell = rowCells.find((c) => c.x0 === x);
        return cell ? cellText(inTable.filter((g) => centreIn(g, cell))) : null;
      });
    });
    return { bbox, rows };
  });
}
