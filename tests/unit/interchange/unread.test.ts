/**
 * Say what was not read, never guess: a rule needing a figure the parser did not read is skipped
 * with its reason, never turned into a finding against 0; an empty table whose note says so in
 * the document's own words is no finding. The Shanghai 部门 variant's table 1 prints one 预算数
 * column for all spending: it is read as the 类 totals, and the rules on 人员/公用/项目 do not apply.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkPublished, parseDisclosure, reportText } from '../../../src/interchange';

const corpus = path.join(__dirname, '..', '..', '..', 'data', 'corpus', 'text');
const read = (name: string) =>
  parseDisclosure(fs.readFileSync(path.join(corpus, `${name}.txt`), 'utf8'));

describe('putuo-government-office-2025-dept-budget (table 1 with one 预算数 column)', () => {
  const parsed = read('putuo-government-office-2025-dept-budget');
  const report = checkPublished(parsed);

  it("reads table 1's 预算数 as the 类 totals: checked against table 3, nothing skipped", () => {
    const sh01 = parsed.tables.find((t) => t.id === 'sh01')!;
    expect(sh01.keys).toEqual(['revenueItem', 'revenueAmount', 'expenditureItem', 'total']);
    expect(parsed.issues).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(reportText('f', parsed, report)).not.toContain('rules skipped');
  });

  it('a changed 类 amount of table 1 is found against table 3', () => {
    const text = fs.readFileSync(
      path.join(corpus, 'putuo-government-office-2025-dept-budget.txt'),
      'utf8',
    );
    const changed = text.replace(
      '二、社会保障和就业支出 | 4,213,779.28',
      '二、社会保障和就业支出 | 4,213,879.28',
    );
    const found = checkPublished(parseDisclosure(changed)).findings.filter(
      (f) => f.kind === 'inconsistency',
    );
    expect(found.map((f) => f.ruleId)).toContain('sh01=t03');
  });

  it('computes no finding against a figure it did not read', () => {
    for (const f of report.findings)
      for (const c of f.cells.filter((c) => c.table === 'sh01'))
        expect(parsed.tables.find((t) => t.id === 'sh01')!.keys).toContain(c.column);
    expect(report.inconsistencies).toBe(0);
  });
});

it('an empty table noted "故本表为空表" is no finding', () => {
  const parsed = read('putuo-government-office-2025-unit-budget');
  expect(parsed.tables.find((t) => t.id === 't08')!.note).toBe(
    '本单位2025年无政府性基金预算财政拨款安排的预算，故本表为空表。',
  );
  const report = checkPublished(parsed);
  expect(report.findings.filter((f) => f.ruleId === 'table.empty-note')).toEqual([]);
  expect(report.skipped).toEqual([]);
  // What remains are two 尾差 of this correct document, classed as rounding.
  expect(report.findings.map((f) => [f.kind, f.ruleId])).toEqual([
    ['rounding', 'sh09.agencyOperating<=t06.public'],
    ['rounding', 'narrative.revenue.total'],
  ]);
});
