/**
 * The publication gate (公开前检查): publishing a disclosure first runs the year's publication
 * rules on the disclosure being published. FATAL refuses; WARNING refuses unless the publisher
 * acknowledges the rule, which the publication records; SUGGEST is reported only. The levels are
 * the year's data (data/reference/<year>/publication-rules.json).
 */
import fc from 'fast-check';
import {
  GATE_CHECKS,
  PUBLICATION_LEVELS,
  ReferenceLists,
  decide,
  evolve,
  gateVerdict,
  initialBudgetState,
  publicationFindings,
  shippedReference,
  shippedReferenceData,
  shippedYears,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetState,
  type PublicationFinding,
  type PublicationLevel,
} from '../../../src/domain';
import type { DisclosureFacts } from '../../../src/domain/disclosure';
import { fenyangFacts } from '../disclosure/fenyang-fixture';
import { refusedBy, specification } from './support/spec';
import { fundedYear } from './support/fixtures';

const POSITION = '1234';
const DIGEST = 'b'.repeat(64);

/** The year's decider, publishing `facts` as the disclosure at POSITION. */
function publishing(facts: DisclosureFacts, references = ReferenceLists.shipped()) {
  return specification<BudgetCommand, BudgetEvent, BudgetState>({
    decide: (c, s) =>
      decide(c, s, references, { publication: { ledgerPosition: POSITION, facts } }),
    evolve,
    initialState: initialBudgetState,
  });
}

const publish = (acknowledge?: string[]): BudgetCommand => ({
  type: 'PublishDisclosure',
  data: {
    disclosureId: 'd-2024',
    publishedAt: '2024-05-08',
    ledgerPosition: POSITION,
    digest: DIGEST,
    title: '2024年单位预算公开',
    acknowledge,
  },
});

const published = (acknowledgedWarnings: PublicationFinding[]): BudgetEvent[] => [
  {
    type: 'DisclosurePublished',
    schemaVersion: 2,
    data: {
      disclosureId: 'd-2024',
      publishedAt: '2024-05-08',
      ledgerPosition: POSITION,
      digest: DIGEST,
      title: '2024年单位预算公开',
      layout: null,
      acknowledgedWarnings,
    },
  },
];

/** The seed with the performance form of its first project withdrawn. */
function withoutFirstProjectForm(): { facts: DisclosureFacts; code: string; name: string } {
  const facts = fenyangFacts();
  const { code, name } = facts.projects[0]!;
  return {
    facts: {
      ...facts,
      performanceForms: facts.performanceForms.filter((f) => f.projectCode !== code),
    },
    code,
    name,
  };
}
const withoutAssets = (): DisclosureFacts => ({ ...fenyangFacts(), assets: null });
const ASSETS = 'publication.state-assets';

describe('publishing passes the publication gate (公开前检查)', () => {
  it('the seed as it is publishes, acknowledging nothing', () => {
    publishing(fenyangFacts())(fundedYear()).when(publish()).then(published([]));
  });

  it('a project whose performance form was withdrawn is FATAL: refused, naming the project', () => {
    const { facts, code, name } = withoutFirstProjectForm();
    publishing(facts)(fundedYear())
      .when(publish())
      .then(
        refusedBy(
          'publication.blocked',
          {
            findings: [
              expect.objectContaining({
                ruleId: 'publication.project-performance-form',
                level: 'FATAL',
                subject: code,
                message: expect.stringContaining(name),
                cells: [{ table: 't12', row: code, column: 'total' }],
                fix: expect.stringContaining('“绩效目标”页'),
              }),
            ],
          },
          'BAD_USER_INPUT',
        ),
      );
  });

  it('a FATAL finding cannot be acknowledged away', () => {
    publishing(withoutFirstProjectForm().facts)(fundedYear())
      .when(publish(['publication.project-performance-form']))
      .then(refusedBy('input.invalid', { field: 'acknowledge' }));
  });

  it('an unacknowledged WARNING refuses (no state assets recorded)', () => {
    publishing(withoutAssets())(fundedYear())
      .when(publish())
      .then(
        refusedBy('publication.blocked', {
          findings: [expect.objectContaining({ ruleId: ASSETS, level: 'WARNING' })],
        }),
      );
  });

  it('an acknowledged WARNING publishes and the publication records what was acknowledged', () => {
    const warning = publicationFindings(withoutAssets(), shippedReference(2024)).find(
      (f) => f.ruleId === ASSETS,
    )!;
    publishing(withoutAssets())(fundedYear())
      .when(publish([ASSETS]))
      .then(published([warning]));
  });

  it('acknowledging a rule id the year does not have is refused, not ignored', () => {
    publishing(withoutAssets())(fundedYear())
      .when(publish(['publication.state-asset']))
      .then(refusedBy('input.invalid', { field: 'acknowledge' }));
  });

  it('a SUGGEST finding does not block and is not recorded (no prior-year comparatives)', () => {
    const facts = { ...fenyangFacts(), priorYear: null };
    expect(publicationFindings(facts, shippedReference(2024))).toEqual([
      expect.objectContaining({ ruleId: 'publication.prior-year', level: 'SUGGEST' }),
    ]);
    publishing(facts)(fundedYear()).when(publish()).then(published([]));
  });

  it('levels are the year’s data: the same facts publish when the year makes the rule SUGGEST', () => {
    const data = shippedReferenceData(2024);
    const lenient = ReferenceLists.of([
      {
        ...data,
        publication: {
          ...data.publication,
          rules: data.publication.rules.map((r) =>
            r.id === ASSETS ? { ...r, level: 'SUGGEST' as const } : r,
          ),
        },
      },
    ]);
    publishing(withoutAssets(), lenient)(fundedYear()).when(publish()).then(published([]));
  });

  it('display rounding up to 0.01 万元 is no finding; beyond it, a WARNING naming the cells', () => {
    expect(publicationFindings(fenyangFacts(), shippedReference(2024))).toEqual([]);
    // Five 公用经费 lines of 50 元 each print 0.01 万元; their total of 250 元 prints 0.03.
    const facts = fenyangFacts();
    const template = facts.lines.find((l) => l.line.kind === 'public')!.line;
    const codes = ['30201', '30202', '30205', '30206', '30207'];
    const small = codes.map((deptEconCode) => ({
      line: { ...template, unitCode: '019099', deptEconCode, govEconCode: '50201' },
      amount: '50.00',
    }));
    const findings = publicationFindings(
      {
        ...facts,
        units: [...facts.units, { code: '019099', name: '测试单位', kind: 'administrative' }],
        lines: small,
        projects: [],
        performanceForms: facts.performanceForms.filter((f) => f.scope === 'unit'),
      },
      shippedReference(2024),
    );
    const rounding = findings.filter((f) => f.ruleId === 'publication.figures-rounding');
    expect(rounding.length).toBeGreaterThan(0);
    for (const f of rounding) {
      expect(f.level).toBe('WARNING');
      expect(f.check).toMatch(/^t\d\d\./);
      expect(f.cells.length).toBeGreaterThan(1);
      expect(Math.abs(Number(f.figures!.difference))).toBeGreaterThan(0.01);
      // The officer reads the tables by their printed names; the rule id stays in `check`.
      expect(f.message).toMatch(/^表\d+/);
      expect(f.message).not.toContain(f.check!);
    }
    expect(findings.filter((f) => f.level === 'FATAL')).toEqual([]);
  });

  it('every shipped year tells the officer in Chinese what to do: no API name in a title or fix', () => {
    for (const year of shippedYears())
      for (const r of shippedReferenceData(year).publication.rules)
        for (const text of [r.title, r.fix]) {
          expect(text).not.toMatch(/[a-z][A-Z]|[A-Z]{4,}/);
          expect(text).toMatch(/[\u4e00-\u9fff]/);
        }
  });

  it('every shipped year gives each rule kind one rule, with the id its check expects', () => {
    for (const year of shippedYears()) {
      const rules = shippedReferenceData(year).publication.rules;
      expect(rules.map((r) => r.kind).sort()).toEqual(Object.keys(GATE_CHECKS).sort());
      for (const r of rules) expect(r.id).toBe(GATE_CHECKS[r.kind].shipped);
      expect(shippedReferenceData(year).publication.tolerance).toMatchObject({
        amount: '0.01',
        unit: '万元',
      });
    }
  });
});

describe('the verdict partitions the findings', () => {
  const reference = shippedReference(2024);
  const warningIds = reference.data.publication.rules
    .filter((r) => r.level === 'WARNING')
    .map((r) => r.id);
  const finding = fc.record({
    ruleId: fc.constantFrom(...reference.data.publication.rules.map((r) => r.id)),
    level: fc.constantFrom<PublicationLevel>(...PUBLICATION_LEVELS),
  });
  it('FATAL always blocks, SUGGEST never does, WARNING blocks exactly when not acknowledged', () => {
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 12 }),
        fc.subarray(warningIds),
        (raw, acknowledge) => {
          const findings = raw.map((r): PublicationFinding => ({
            ...r,
            title: '',
            message: '',
            check: null,
            subject: null,
            cells: [],
            figures: null,
            fix: '',
          }));
          const v = gateVerdict(findings, acknowledge, reference);
          expect(v.blocking.length + v.acknowledged.length + v.suggestions.length).toBe(
            findings.length,
          );
          for (const f of findings) {
            const acked = f.level === 'WARNING' && acknowledge.includes(f.ruleId);
            expect(v.blocking.includes(f)).toBe(
              f.level === 'FATAL' || (f.level === 'WARNING' && !acked),
            );
            expect(v.acknowledged.includes(f)).toBe(acked);
          }
        },
      ),
    );
  });
});
