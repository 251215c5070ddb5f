/**
 * Final accounts (决算) are told from budgets by their titles: of the corpus, the seed and the
 * Shanghai sample, only the 部门决算 is, though budgets mention 决算 in their prose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { finalAccountsOf } from '../../../src/interchange';

const root = path.join(__dirname, '..', '..', '..');
const texts = [
  ...fs.readdirSync(path.join(root, 'data/corpus/text')).map((f) => `data/corpus/text/${f}`),
  'data/samples/shanghai-finance-bureau-2025-unit-budget.txt',
  'data/seed/fenyang-2024/source.txt',
];

it.each(texts)('%s', (file) => {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found = finalAccountsOf(text);
  if (file.includes('final-accounts')) {
    expect(found).toEqual({ kind: '部门决算', line: expect.any(Number) });
    expect(text.split('\n')[found!.line - 1]!.trim()).toBe('部门决算');
  } else {
    expect(found).toBeNull();
  }
});
