/**
 * Say what was not read, never guess: a rule needing a figure the parser did not read is skipped
 * with its reason, never turned into a finding against 0; an empty table whose note says so in
 * the document's own words is no finding. On the Shanghai 部门 variant, whose table 1 prints one
 * 预算数 column for all spending (not understood today), no finding compares table 1's spending.
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

  it('skips the rules on table 1 spending, saying which column was not read and where', () => {
    const sh01 = parsed.tables.find((t) => t.id === 'sh01')!;
    expect(report.skipped.map((s) => s.ruleId).sort()).toEqual([
      'sh01.balance',
      'sh01.basic=t03',
      'sh01=t03',
    ]);
    for (const s of report.skipped) {
      expect(s.line).toBe(sh01.titleLine);
      expect(s.reason).toMatch(/^sh01 has no column read as \w+ \(not understood: "预算数"\)$/);
    }
    expect(reportText('f', parsed, report)).toContain(
      'rules skipped, a figure they need not read (3):',
    );
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
