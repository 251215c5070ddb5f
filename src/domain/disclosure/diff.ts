/**
 * Two disclosures compared cell by cell, and their facts line by line. Pure: both sides are
 * built by the same builder from the read models, so every difference is a change in the ledger.
 */
import * as Money from '../money';
import { lineId } from '../budget/line';
import type { Cell } from './amounts';
import type { Disclosure } from './build';
import type { DisclosureFacts } from './facts';
import type { DisclosureTable, TableRow } from './table';

export interface CellDifference {
  table: string;
  rowKey: string | null;
  code: string | null;
  name: string | null;
  column: string;
  from: Cell;
  to: Cell;
}

export interface LineDifference {
  lineId: string;
  from: string;
  to: string;
  delta: string;
}

/** A row's identity across two points: rows appear and disappear as money comes and goes. */
const identity = (r: TableRow, i: number): string =>
  r.key !== null || r.code !== null ? `${r.role}|${r.key ?? ''}|${r.code ?? ''}` : `#${i}`;

/** The row's printed label for a column: tables 1 and 4 print a label on each side. */
function nameOf(
  table: DisclosureTable | undefined,
  r: TableRow | undefined,
  column: string,
): string | null {
  if (!table || !r) return null;
  const side = column === 'revenueAmount' ? r.cells.revenueItem : r.cells.expenditureItem;
  if (side) return side;
  for (const c of table.columns)
    if (c.kind === 'text' && c.key !== 'code' && r.cells[c.key]) return r.cells[c.key]!;
  return null;
}

/**
 * The printed figures that differ. A null side is a point before the department existed: it has
 * no rows, so every figure the other side prints differs from an empty cell (null).
 */
export function diffCells(from: Disclosure | null, to: Disclosure | null): CellDifference[] {
  const shape = to ?? from;
  if (!shape) return [];
  const out: CellDifference[] = [];
  for (const id of Object.keys(shape.tables) as (keyof Disclosure['tables'])[]) {
    const [a, b] = [from?.tables[id], to?.tables[id]];
    const before = new Map((a?.rows ?? []).map((r, i) => [identity(r, i), r]));
    const after = new Map((b?.rows ?? []).map((r, i) => [identity(r, i), r]));
    const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
    for (const k of keys) {
      const [ra, rb] = [before.get(k), after.get(k)];
      const row = (rb ?? ra)!;
      for (const c of shape.tables[id].columns.filter((x) => x.kind === 'amount')) {
        const [x, y] = [ra?.cells[c.key] ?? null, rb?.cells[c.key] ?? null];
        if (x !== y)
          out.push({
            table: id,
            rowKey: row.key,
            code: row.code,
            name: nameOf(b, rb, c.key) ?? nameOf(a, ra, c.key),
            column: c.key,
            from: x,
            to: y,
          });
      }
    }
  }
  return out;
}

/** The lines whose balance differs; a null side (before the department existed) holds none. */
export function diffLines(
  from: DisclosureFacts | null,
  to: DisclosureFacts | null,
): LineDifference[] {
  const amounts = (f: DisclosureFacts | null) =>
    new Map((f?.lines ?? []).map((l) => [lineId(l.line), l.amount]));
  const [a, b] = [amounts(from), amounts(to)];
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  return ids
    .map((id) => {
      const [x, y] = [a.get(id) ?? Money.ZERO, b.get(id) ?? Money.ZERO];
      return { lineId: id, from: Money.sum([x]), to: Money.sum([y]), delta: Money.sub(y, x) };
    })
    .filter((d) => !Money.isZero(d.delta));
}
