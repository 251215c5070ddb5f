/**
 * check-disclosure's rules on documents as published. Done-when of issue 6: on the seed, every
 * knownDiscrepancies entry of kind inconsistency is found, every listed rounding difference is
 * found and classed as rounding, and nothing else is an inconsistency. The Shanghai sample is a
 * correct document: no inconsistency.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  checkPublished,
  parseDisclosure,
  reportText,
  type ParsedDisclosure,
} from '../../../src/interchange';
import type { Finding } from '../../../src/domain/disclosure';
import expected from '../../../data/seed/fenyang-2024/expected.json';

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string): ParsedDisclosure =>
  parseDisclosure(fs.readFileSync(path.join(root, file), 'utf8'));
const near = (a: string, b: string, by: number): boolean => Math.abs(Number(a) - Number(b)) <= by;

describe('the seed as published', () => {
  const parsed = read('data/seed/fenyang-2024/source.txt');
  const report = checkPublished(parsed);
  const inconsistencies = report.findings.filter((f) => f.kind === 'inconsistency');
  const known = expected.knownDiscrepancies;

  it('finds every inconsistency of expected.json and no other', () => {
    const listed = known.filter((k) => k.kind === 'inconsistency');
    const match = (k: (typeof known)[number]) => (f: Finding) =>
      f.published === k.published && near(f.computed, k.computed, 0.01);
    for (const k of listed)
      expect({ where: k.where, found: inconsistencies.some(match(k)) }).toEqual({
        where: k.where,
        found: true,
      });
    expect(inconsistencies).toHaveLength(listed.length);
    expect(inconsistencies.map((f) => f.ruleId).sort()).toEqual([
      'narrative.agencyOperating.amount',
      'narrative.agencyOperating.percent',
      'narrative.performance.published-split',
      'narrative.performance.specific-target-twice',
      'overview.internal-divisions',
    ]);
  });

  it('finds every listed rounding difference and classes it as rounding', () => {
    const rounding = report.findings.filter((f) => f.kind === 'rounding');
    for (const k of known.filter((x) => x.kind === 'rounding')) {
      const found = rounding.some(
        (f) => f.published === k.published && Number(f.difference) === Number(k.difference),
      );
      expect({ where: k.where, found }).toEqual({ where: k.where, found: true });
    }
  });

  it('prints each finding with its rule, figures, difference, kind and the lines of its cells', () => {
    const text = reportText('source.txt', parsed, report);
    expect(text).toContain('findings: 5 inconsistencies, 28 rounding differences');
    expect(text).toContain(
      'INCONSISTENCY narrative.agencyOperating.amount: published 25.62, computed 24.53, difference 1.09',
    );
    expect(text).toContain(
      'narrative[agencyOperating.amount].figure (line 434) vs t11[total].total (line 338)',
    );
  });
});

describe('the Shanghai sample as published', () => {
  const report = checkPublished(read('data/samples/shanghai-finance-bureau-2025-unit-budget.txt'));

  it('has no inconsistency; its rounding differences are reported', () => {
    expect(report.findings.filter((f) => f.kind === 'inconsistency')).toEqual([]);
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual([
      'narrative.revenue.total',
      'sh09.agencyOperating<=t06.public',
      't06.group',
      't06.group',
    ]);
  });

  it('finds a figure changed in the document', () => {
    const text = fs
      .readFileSync(
        path.join(root, 'data/samples/shanghai-finance-bureau-2025-unit-budget.txt'),
        'utf8',
      )
      .replace('346.30 | 288.70 | 25.40', '346.30 | 288.70 | 35.40');
    const bad = checkPublished(parseDisclosure(text))
      .findings.filter((f) => f.kind === 'inconsistency')
      .map((f) => f.ruleId);
    expect(bad).toContain('sh09.total');
  });
});
