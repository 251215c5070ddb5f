/**
 * Amounts are read whatever way the document prints them: the same Putuo 部门 budget with its
 * tables' thousands separators removed and zeros printed as 0 or 0.00 instead of empty cells reads
 * as the same figures and plans the same import, every printed cell reproduced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shippedReference } from '../../../src/domain';
import { compareTables } from '../../../src/domain/disclosure/layouts/compare';
import { planDisclosureImport } from '../../../src/import/disclosure/disclosure-plan';
import { parseDisclosure } from '../../../src/interchange';

const name = 'putuo-government-office-2025-dept-budget';
const original = fs.readFileSync(
  path.join(__dirname, '../../../data/corpus/text', `${name}.txt`),
  'utf8',
);

/** Table rows only (` | `-joined): separators dropped, empty revenue cells of table 1 as zeros. */
function reprinted(text: string): string {
  return text
    .split('\n')
    .map((l) =>
      l.includes(' | ')
        ? l
            .replace(/(\d),(?=\d{3})/g, '$1')
            .replace(/^(2\. 政府性基金) \| {2}\|/, '$1 | 0 |')
            .replace(/^(3\. 国有资本经营预算) \| {2}\|/, '$1 | 0.00 |')
        : l,
    )
    .join('\n');
}

const plan = (text: string) =>
  planDisclosureImport({
    parsed: parseDisclosure(text),
    text,
    departmentCode: '321',
    fiscalYear: 2025,
    fileName: `${name}.txt`,
    sha256: '0'.repeat(64),
    reference: shippedReference(2025),
  });

test('no separators and printed zeros: the same figures, the same plan', () => {
  const text = reprinted(original);
  expect(text).not.toBe(original);
  expect(text).toContain('2. 政府性基金 | 0 |');
  expect(text).toContain('| 91016775.35 |');
  const [a, b] = [parseDisclosure(original), parseDisclosure(text)];
  expect(b.issues).toEqual([]);
  expect(compareTables(a.tables, b.tables).mismatches).toEqual([]);
  const [pa, pb] = [plan(original), plan(text)];
  expect(pb.problems).toEqual([]);
  expect(pb.ok).toBe(true);
  expect(pb.figures.unreproduced).toEqual([]);
  expect(pb.steps.map((s) => s.summary)).toEqual(pa.steps.map((s) => s.summary));
});
