import fc from 'fast-check';
import { shippedReference } from '../../../src/domain';
import { planJob } from '../../../src/import/disclosure/plan-job';
import {
  FiguresNotFitted,
  REPAIR_WORK_BUDGET,
  repairIntervals,
  type IntervalConstraint,
} from '../../../src/import/disclosure/repair';
import { scrambledSeed, SEED_SOURCE } from '../../support/scrambled';

/**
 * Bounded work (issue 15, point 6): the repair that makes every printed figure round back counts
 * its work, not its time, and gives up a hopeless document with a typed refusal the same way on
 * every machine.
 */
const job = (text: string) => ({
  text,
  departmentCode: '019',
  fiscalYear: 2024,
  fileName: 's.txt',
  sha256: 'ab'.repeat(32),
  reference: shippedReference(2024).data,
});

describe('given the seed document with its amounts’ digits scrambled', () => {
  test('when it is planned, then it is refused as figures not fitted within the work budget', () => {
    const outcome = planJob(job(scrambledSeed()));
    expect(outcome.kind).toBe('not-fitted');
    if (outcome.kind !== 'not-fitted') return;
    expect(outcome.facts.workBudget).toBe(REPAIR_WORK_BUDGET);
    expect(outcome.facts.violated).toBeGreaterThan(0);
    const err = new FiguresNotFitted(outcome.facts);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.details).toMatchObject({ field: 'text', ruleId: 'import.figures-not-fitted' });
    expect(err.message).toMatch(/printed figures could not be fitted.*work budget/);
  });

  test('then it gives up after the same number of steps on every run (work, not time)', () => {
    const a = planJob(job(scrambledSeed()));
    const b = planJob(job(scrambledSeed()));
    expect(a).toEqual(b);
  });
});

test('given the seed document as published, then its plan uses under a tenth of the budget', () => {
  const outcome = planJob(job(SEED_SOURCE));
  expect(outcome.kind).toBe('planned');
  if (outcome.kind !== 'planned') return;
  expect(outcome.plan.ok).toBe(true);
  const work = Number(/(\d+) units of work/.exec(outcome.plan.notes.join('\n'))?.[1]);
  expect(work).toBeGreaterThan(0);
  expect(work).toBeLessThan(REPAIR_WORK_BUDGET / 10);
});

describe('repairIntervals under a work budget', () => {
  // A figure a billion units away: the search improves by at most 1,000 a step, for a million
  // steps, as a garbled document's search keeps finding ever smaller improvements.
  const far: IntervalConstraint[] = [
    { label: 'a', members: [0], fixed: 0, lo: 1e9, hi: 1e9 + 100 },
  ];

  test('a search that improves too slowly ends when its budget is spent, with a typed refusal', () => {
    const attempt = () => repairIntervals([0], far, { unit: 1, margin: 0, workBudget: 10_000 });
    expect(attempt).toThrow(FiguresNotFitted);
    expect(attempt).toThrow(/work budget \(10000 units\) ran out/);
  });

  test('whatever the budget, a search that completes within it gives the same answer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 4 }),
        (start, targets) => {
          const constraints = targets.map((t, k) => ({
            label: `c${k}`,
            members: start.map((_, i) => i).filter((i) => (i + k) % 2 === 0),
            fixed: 0,
            lo: t,
            hi: t + 100,
          }));
          const opts = { unit: 1, margin: 10, maxIterations: 200 };
          const free = repairIntervals(start, constraints, { ...opts, workBudget: Infinity });
          const bounded = repairIntervals(start, constraints, {
            ...opts,
            workBudget: free.work,
          });
          expect(bounded).toEqual(free);
        },
      ),
      { numRuns: 50 },
    );
  });
});
