/**
 * A table whose 合计 row the extraction puts in a table of its own (its own ruled block, after the
 * page's other rows, as a page break or a gap in the ruling lines gives it) is still one table:
 * the same figures as the document read in one piece.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareTables } from '../../../src/domain/disclosure/layouts/compare';
import { parseDisclosure } from '../../../src/interchange';

const name = 'putuo-government-office-2025-dept-budget';
const original = fs.readFileSync(
  path.join(__dirname, '../../../data/corpus/text', `${name}.txt`),
  'utf8',
);

test('table 3 with its 合计 row detected as a separate table reads the same', () => {
  const total = '合计 |  |  |  | 91,016,775.35 | 24,606,775.35 | 66,410,000.00';
  expect(original).toContain(`\n${total}\n`);
  const text = original.replace(
    `\n${total}\n`,
    `\n\n--- TABLE p12.2 (cells joined by ' | ') ---\n${total}\n`,
  );
  const [a, b] = [parseDisclosure(original), parseDisclosure(text)];
  expect(b.issues).toEqual([]);
  expect(b.tables.map((t) => t.id)).toEqual(a.tables.map((t) => t.id));
  const t03 = b.tables.find((t) => t.id === 't03')!;
  expect(t03.rows.at(-1)!.cells.slice(-3)).toEqual(['91016775.35', '24606775.35', '66410000.00']);
  expect(compareTables(a.tables, b.tables).mismatches).toEqual([]);
});
