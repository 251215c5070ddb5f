/**
 * A page's raw data → what the table finder reads, in the page's top-left coordinates (points, y
 * down, after the page's own rotation): glyphs (one per character, with its box) and the
 * horizontal and vertical segments of every painted path (stroked or filled: a table's rules are
 * drawn either way, often as thin filled rectangles). Curves and diagonals are not rules.
 */
import { OPS, type PdfOp, type PdfPageData } from './pdfjs-host';

export interface Glyph {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

export interface Edge {
  orientation: 'h' | 'v';
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

type Matrix = number[];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0]! * n[0]! + m[2]! * n[1]!,
  m[1]! * n[0]! + m[3]! * n[1]!,
  m[0]! * n[2]! + m[2]! * n[3]!,
  m[1]! * n[2]! + m[3]! * n[3]!,
  m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
  m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0]! * x + m[2]! * y + m[4]!,
  m[1]! * x + m[3]! * y + m[5]!,
];

/** Path data codes of pdfjs-dist 5 (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A segment closer to axis-aligned than this (points) is a rule; anything else is not. */
const AXIS = 0.5;

function segmentEdge(a: [number, number], b: [number, number]): Edge | null {
  const [x0, x1] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [top, bottom] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
  if (bottom - top <= AXIS) return { orientation: 'h', x0, x1, top: top, bottom: top };
  if (x1 - x0 <= AXIS) return { orientation: 'v', x0, x1: x0, top, bottom };
  return null;
}

/** Axis-aligned segments of one path (each subpath's lines, its closing line included). */
function pathEdges(data: number[], ctm: Matrix): Edge[] {
  const edges: Edge[] = [];
  let start: [number, number] | null = null;
  let at: [number, number] | null = null;
  const to = (p: [number, number]) => {
    if (at) {
      const e = segmentEdge(at, p);
      if (e) edges.push(e);
    }
    at = p;
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE) {
      at = apply(ctm, data[i]!, data[i + 1]!);
      start = at;
      i += 2;
    } else if (op === LINE) {
      to(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CURVE) {
      at = apply(ctm, data[i + 4]!, data[i + 5]!);
      i += 6;
    } else if (op === QUAD) {
      at = apply(ctm, data[i + 2]!, data[i + 3]!);
      i += 4;
    } else if (op === CLOSE) {
      if (start) to(start);
    } else break;
  }
  return edges;
}

interface TextState {
  matrix: Matrix;
  lineX: number;
  lineY: number;
  x: number;
  y: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  size: number;
  fontMatrix: Matrix;
  descent: number;
}

const newText = (): TextState => ({
  matrix: [1, 0, 0, 1, 0, 0],
  lineX: 0,
  lineY: 0,
  x: 0,
  y: 0,
  charSpacing: 0,
  wordSpacing: 0,
  hScale: 1,
  leading: 0,
  rise: 0,
  size: 0,
  fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
  descent: -0.2,
});

const moveText = (t: TextState, x: number, y: number) => {
  t.lineX += x;
  t.lineY += y;
  t.x = t.lineX;
  t.y = t.lineY;
};

/**
 * A showText operator's glyphs, placed as a PDF viewer places them: each advances by its width
 * at the font size, plus the character spacing (and the word spacing after a blank), scaled
 * horizontally; TJ numbers move back by thousandths of the size. A glyph's box spans the font's
 * descent below the baseline to one size above it, as pdfminer draws a character's box.
 */
function showText(t: TextState, ctm: Matrix, glyphs: NonNullable<PdfOp['glyphs']>, out: Glyph[]) {
  const m = multiply(ctm, t.matrix);
  const size = t.size * Math.hypot(m[2]!, m[3]!);
  let advance = 0;
  for (const g of glyphs) {
    if (typeof g === 'number') {
      advance -= (g * t.size) / 1000;
      continue;
    }
    const [text, width, isSpace] = g;
    const step = width * t.size * t.fontMatrix[0]! + t.charSpacing + (isSpace ? t.wordSpacing : 0);
    const start = apply(m, t.x + advance * t.hScale, t.y + t.rise);
    advance += step;
    const end = apply(m, t.x + (advance - t.charSpacing) * t.hScale, t.y + t.rise);
    // Horizontal text only is read as rows (a rotated label is not a cell's text).
    if (Math.abs(end[1] - start[1]) > 0.1 * size || size === 0 || text === '') continue;
    const bottom = start[1] - t.descent * size;
    out.push({
      text,
      x0: Math.min(start[0], end[0]),
      x1: Math.max(start[0], end[0]),
      top: bottom - size,
      bottom,
    });
  }
  t.x += advance * t.hScale;
}

/** The page's glyphs and every rule it paints, in viewport coordinates. */
export function pageContent(page: PdfPageData): { glyphs: Glyph[]; edges: Edge[] } {
  // The graphics state saved by q and restored by Q: the CTM and the text parameters (font, size,
  // spacing; the text matrix is not part of it).
  const stack: { ctm: Matrix; text: TextState }[] = [];
  let ctm: Matrix = page.viewport;
  const edges: Edge[] = [];
  const glyphs: Glyph[] = [];
  const t = newText();
  const restore = () => {
    const saved = stack.pop();
    if (!saved) return;
    ctm = saved.ctm;
    const { matrix, lineX, lineY, x, y } = t;
    Object.assign(t, saved.text, { matrix, lineX, lineY, x, y });
  };
  for (const op of page.ops) {
    const a = op.args;
    switch (op.fn) {
      case OPS.save:
        stack.push({ ctm, text: { ...t } });
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, text: { ...t } });
        ctm = multiply(ctm, a);
        break;
      case OPS.restore:
      case OPS.paintFormXObjectEnd:
        restore();
        break;
      case OPS.transform:
        ctm = multiply(ctm, a);
        break;
      case OPS.constructPath:
        edges.push(...pathEdges(a, ctm));
        break;
      case OPS.beginText:
        Object.assign(t, { matrix: [1, 0, 0, 1, 0, 0], lineX: 0, lineY: 0, x: 0, y: 0 });
        break;
      case OPS.setTextMatrix:
        Object.assign(t, { matrix: a.slice(0, 6), lineX: 0, lineY: 0, x: 0, y: 0 });
        break;
      case OPS.moveText:
        moveText(t, a[0]!, a[1]!);
        break;
      case OPS.setLeadingMoveText:
        // TD: the leading becomes -ty, and T* moves by -leading (kept here as the move itself).
        t.leading = a[1]!;
        moveText(t, a[0]!, a[1]!);
        break;
      case OPS.nextLine:
        moveText(t, 0, t.leading);
        break;
      case OPS.setLeading:
        t.leading = -a[0]!;
        break;
      case OPS.setCharSpacing:
        t.charSpacing = a[0]!;
        break;
      case OPS.setWordSpacing:
        t.wordSpacing = a[0]!;
        break;
      case OPS.setHScale:
        t.hScale = a[0]! / 100;
        break;
      case OPS.setTextRise:
        t.rise = a[0]!;
        break;
      case OPS.setFont:
        t.size = a[0]!;
        t.fontMatrix = a.slice(1, 7);
        t.descent = a[7]!;
        break;
      case OPS.showText:
        showText(t, ctm, op.glyphs ?? [], glyphs);
        break;
    }
  }
  return { glyphs, edges };
}
