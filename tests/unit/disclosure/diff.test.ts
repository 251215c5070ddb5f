/**
 * The diff of two points when one of them is before the department existed (null): an empty
 * disclosure, so every figure the other point prints changes from or to an empty cell (null),
 * and every budget line from or to 0.
 */
import { Money } from '../../../src/domain';
import { lineId } from '../../../src/domain/budget/line';
import type { Disclosure } from '../../../src/domain/disclosure';
import { diffCells, diffLines } from '../../../src/domain/disclosure/diff';
import { fenyangDisclosure, fenyangFacts } from './fenyang-fixture';

/** Every printed figure of a disclosure: table, row, amount column, value. */
function printed(d: Disclosure): [string, string | null, string | null, string, string][] {
  return Object.values(d.tables).flatMap((t) =>
    t.rows.flatMap((r) =>
      t.columns
        .filter((c) => c.kind === 'amount' && r.cells[c.key] != null)
        .map((c): [string, string | null, string | null, string, string] => [
          t.id,
          r.key,
          r.code,
          c.key,
          r.cells[c.key]!,
        ]),
    ),
  );
}

const disclosure = fenyangDisclosure();
const facts = fenyangFacts();
const figures = printed(disclosure);
const lines = facts.lines
  .filter((l) => !Money.isZero(l.amount))
  .map((l) => [lineId(l.line), Money.sum([l.amount])] as const)
  .sort(([a], [b]) => (a < b ? -1 : 1));

test('given the department did not exist at `from`, every printed figure appears from an empty cell', () => {
  const cells = diffCells(null, disclosure);
  expect(figures.length).toBeGreaterThan(200);
  expect(cells.map((c) => [c.table, c.rowKey, c.code, c.column, c.to])).toEqual(figures);
  expect(cells.every((c) => c.from === null)).toBe(true);
  // The rows keep their printed labels, as in any other diff.
  expect(cells.find((c) => c.table === 't06' && c.code === '30201')?.name).toBe('办公费');
});

test('given the department did not exist at `from`, every budget line appears from 0', () => {
  expect(lines.length).toBeGreaterThan(10);
  expect(diffLines(null, facts)).toEqual(
    lines.map(([id, amount]) => ({ lineId: id, from: '0.00', to: amount, delta: amount })),
  );
});

test('given the department did not exist at `to`, every figure and line goes to nothing', () => {
  const cells = diffCells(disclosure, null);
  expect(cells.map((c) => [c.table, c.rowKey, c.code, c.column, c.from])).toEqual(figures);
  expect(cells.every((c) => c.to === null)).toBe(true);
  expect(diffLines(facts, null)).toEqual(
    lines.map(([id, amount]) => ({
      lineId: id,
      from: amount,
      to: '0.00',
      delta: Money.sub('0', amount),
    })),
  );
});

test('the same disclosure at both points, or none at either: nothing changed', () => {
  expect(diffCells(disclosure, fenyangDisclosure())).toEqual([]);
  expect(diffLines(facts, fenyangFacts())).toEqual([]);
  expect(diffCells(null, null)).toEqual([]);
  expect(diffLines(null, null)).toEqual([]);
});
