import fs from 'node:fs';
import path from 'node:path';
import {
  Money,
  shippedReference,
  type AdoptReferenceCodes,
  type BudgetLineKey,
} from '../../../src/domain';
import { planDisclosureImport } from '../../../src/import/disclosure/disclosure-plan';
import { parseDisclosure } from '../../../src/interchange';

/**
 * The seed's layout (tab-separated cells) with a functional 项 the 2024 lists lack: the seed's
 * 2010350 事业运行 printed as 2010398 in every table. The plan adopts it from the first table that
 * prints it, and places the same money on it.
 */
const seed = fs.readFileSync(
  path.join(__dirname, '../../../data/seed/fenyang-2024/source.txt'),
  'utf8',
);
const text = seed.split('2010350\t事业运行').join('2010398\t事业运行');
const plan = (t: string) =>
  planDisclosureImport({
    parsed: parseDisclosure(t),
    text: t,
    departmentCode: '019',
    fiscalYear: 2024,
    fileName: 's.txt',
    sha256: 'ab'.repeat(32),
    reference: shippedReference(2024),
  });
const linesOn = (p: ReturnType<typeof plan>, code: string) =>
  p.steps
    .flatMap((s) =>
      s.command.type === 'AllocateInitialBudget'
        ? (s.command.data.lines as { line: BudgetLineKey; amount: string }[])
        : [],
    )
    .filter((l) => l.line.functionalCode === code);

test('a 项 the year lacks is adopted from the document, with the line and table it was first seen on', () => {
  expect(text).not.toBe(seed);
  const p = plan(text);
  expect(p.problems).toEqual([]);
  expect(p.ok).toBe(true);
  expect(p.steps[0]!.command).toEqual<AdoptReferenceCodes>({
    type: 'AdoptReferenceCodes',
    data: {
      fiscalYear: 2024,
      adoptedAt: '2024-01-01',
      codes: [
        {
          classification: 'functional',
          code: '2010398',
          name: '事业运行',
          level: '项',
          source: `s.txt sha256:${'ab'.repeat(6)} line 114 (2024年预算收入总表)`,
        },
      ],
    },
  });
  expect(text.split('\n')[113]).toMatch(/^2010398\t事业运行\t/);
  expect(
    p.notes.some(
      (n) => n.startsWith('adopted from the document') && n.includes('2010398 事业运行'),
    ),
  ).toBe(true);
});

test('the money the seed plans on 2010350 is planned on the adopted code instead', () => {
  const sum = (ls: { amount: string }[]) => Money.sum(ls.map((l) => l.amount));
  const asPublished = plan(seed);
  const original = linesOn(asPublished, '2010350');
  expect(original.length).toBeGreaterThan(0);
  expect(sum(linesOn(plan(text), '2010398'))).toBe(sum(original));
  expect(asPublished.steps[0]!.command.type).not.toBe('AdoptReferenceCodes');
});
