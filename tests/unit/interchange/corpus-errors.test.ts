/**
 * Find the real errors: on each Shanghai budget of the corpus, check-disclosure's inconsistencies
 * are exactly the errors data/corpus/README.md lists for the document, and its other findings
 * are 尾差 (a 万元 figure of the explanation or the 三公 table against the 元 tables, within
 * half a unit of its last digit). The Jiangsu documents are checked in corpus-jiangsu.test.ts;
 * the 决算 is refused (document-kind.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkPublished, parseDisclosure } from '../../../src/interchange';

const corpus = path.join(__dirname, '..', '..', '..', 'data', 'corpus', 'text');
const check = (name: string) => {
  const text = fs.readFileSync(path.join(corpus, `${name}.txt`), 'utf8');
  return checkPublished(parseDisclosure(text), text);
};
const inconsistencies = (r: ReturnType<typeof check>) =>
  r.findings
    .filter((f) => f.kind === 'inconsistency')
    .map((f) => [f.ruleId, f.published, f.computed]);

/** README's errors per document, as the finding that reports each. */
const EXPECTED: Record<string, string[][]> = {
  // "none found"
  'putuo-government-office-2025-dept-budget': [],
  'putuo-government-office-2025-unit-budget': [],
  // 收入 "比2024年预算执行数增加24,558.18万元", 支出 "比2024年预算增加24,491.71万元"
  'putuo-commerce-commission-2025-dept-budget': [
    ['narrative.fiscal.revenue-change=expenditure-change', '24491.71', '24558.18'],
  ],
  'putuo-commerce-commission-2025-unit-budget': [
    ['narrative.fiscal.revenue-change=expenditure-change', '24491.71', '24558.18'],
  ],
  'putuo-justice-bureau-2026-dept-budget': [
    // (1) a 2026 budget compared with "2026年预算" (×3, and 持平 ×2: one error, five places)
    ['narrative.compared-with-itself', '2026', '2025'],
    // (2) 其他司法支出: 2025 printed 43269.3, the +17.62% of 3,845.49 is from 3,269.3
    ['narrative.item.percent', '17.62', '-91.11'],
    // (3) 职业年金: 91.97 vs 77.99 is +17.93%, printed 17.66%
    ['narrative.item.percent', '17.66', '17.93'],
    // (5) item 11 names class 210 医疗卫生与计划生育支出 — its name until the 2019 rename
    // (data/reference/renames.json) — the tables 卫生健康支出
    ['narrative.item.former-name', '医疗卫生与计划生育支出（210）', '卫生健康支出'],
    // (4) 住房公积金: heading and table 208.80, the sentence 201.50
    ['narrative.item.planned=heading', '201.5', '208.8'],
  ],
};

describe.each(Object.keys(EXPECTED))('%s', (name) => {
  const report = check(name);

  it("reports the README's errors as inconsistencies, and no other", () => {
    expect(inconsistencies(report)).toEqual(EXPECTED[name]);
  });

  it('its other findings are 尾差 within half a unit of the rounded figure', () => {
    for (const f of report.findings.filter((f) => f.kind === 'rounding')) {
      expect(f.roundedTerms).toBe(1);
      const digits = (f.published.split('.')[1] ?? '').length;
      expect(Math.abs(Number(f.difference))).toBeLessThanOrEqual(0.5 * 10 ** -digits);
    }
  });
});

it('the justice bureau: every 科目 paragraph is read, the self-comparison at its five places', () => {
  const name = 'putuo-justice-bureau-2026-dept-budget';
  const report = check(name);
  const self = report.findings.find((f) => f.ruleId === 'narrative.compared-with-itself')!;
  expect(self.cells).toHaveLength(5);
  // Each of the 13 paragraphs is read: its heading amount changed by 1万元, it disagrees with
  // table 5 (and its own percentage) where it did not before.
  const text = fs.readFileSync(path.join(corpus, `${name}.txt`), 'utf8');
  const headings = [...text.matchAll(/（\d{2}项）([\d.]+)万元。/g)];
  expect(headings).toHaveLength(13);
  for (const h of headings) {
    const amount = String(Number(h[1]) + 1);
    const changed =
      text.slice(0, h.index) + h[0].replace(h[1]!, amount) + text.slice(h.index + h[0].length);
    const found = checkPublished(parseDisclosure(changed), changed).findings.filter(
      (f) => f.ruleId === 'narrative.item.amount=t05',
    );
    expect(found.map((f) => f.published)).toEqual([amount]);
  }
});
