import fc from 'fast-check';
import { asDomain, LedgerService } from '../../src/app/ledger-service';
import {
  foldBudget,
  shippedReference,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetLineKey,
} from '../../src/domain';
import { buildDisclosure, type DisclosureFacts } from '../../src/domain/disclosure';
import { disclosureFacts } from '../../src/projections/disclosure-facts';
import { lineBalances } from '../../src/projections/budget-lines';
import { rebuildProjections } from '../../src/projections/rebuild';
import { useLedgerDatabase } from '../support/db';

/**
 * The read models are a cache of the log: for random command histories, the budget read from the
 * live postings, from postings rebuilt from the log, and folded from the events by the domain's
 * own evolve must agree — at every position of the history, not just at its end.
 */
const ledger = useLedgerDatabase();
let service: LedgerService;
let run = 0;

beforeAll(async () => {
  service = new LedgerService(ledger.store);
});

const YEAR = 2024;
const ECON: [string, string][] = [
  ['30201', '50201'],
  ['30211', '50201'],
  ['30216', '50203'],
  ['30231', '50208'],
];
const line = (unitCode: string, i: number): BudgetLineKey => ({
  unitCode,
  fiscalYear: YEAR,
  fundSource: 'general-public',
  functionalCode: '2010301',
  kind: 'public',
  deptEconCode: ECON[i][0],
  govEconCode: ECON[i][1],
  projectCode: null,
  origin: 'current',
});

type Step =
  | { op: 'allocate'; line: number; fen: number; date: number }
  | {
      op: 'adjust';
      kind: 'increase' | 'decrease' | 'transfer';
      from: number;
      to: number;
      fen: number;
      date: number;
      verdict: 'approve' | 'reject' | 'leave';
    };

const amount = (fen: number) => (fen / 100).toFixed(2);
const day = (d: number) =>
  `2024-${String(1 + (d % 12)).padStart(2, '0')}-${String(1 + (d % 28)).padStart(2, '0')}`;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('allocate' as const),
    line: fc.nat(3),
    fen: fc.integer({ min: 1, max: 5_000_000 }),
    date: fc.nat(400),
  }),
  fc.record({
    op: fc.constant('adjust' as const),
    kind: fc.constantFrom('increase' as const, 'decrease' as const, 'transfer' as const),
    from: fc.nat(3),
    to: fc.nat(3),
    fen: fc.integer({ min: 1, max: 2_000_000 }),
    date: fc.nat(400),
    verdict: fc.constantFrom('approve' as const, 'reject' as const, 'leave' as const),
  }),
);

async function play(unit: string, steps: Step[]): Promise<void> {
  await service.registerUnit(
    {
      type: 'RegisterBudgetUnit',
      data: {
        unitCode: unit,
        name: `单位${unit}`,
        kind: 'administrative',
        departmentCode: `D${unit}`,
        registeredAt: '2023-12-01',
      },
    },
    { actor: 'admin' },
  );
  await service.execute(
    unit,
    YEAR,
    { type: 'OpenFiscalYear', data: { fiscalYear: YEAR, openedAt: '2023-12-01' } } as BudgetCommand,
    { actor: 'officer' },
  );
  for (const [i, s] of steps.entries()) {
    // Commands the rules refuse (a line below zero, a 三公 increase, a transfer onto itself …)
    // are part of the history too: they must leave no trace.
    const tryIt = (c: BudgetCommand, actor: string) =>
      service.execute(unit, YEAR, c, { actor }).catch((e: { code?: string }) => {
        if (!e.code || e.code === 'INTERNAL_SERVER_ERROR') throw e;
      });
    if (s.op === 'allocate') {
      await tryIt(
        {
          type: 'AllocateInitialBudget',
          data: {
            allocationId: `a${i}`,
            allocatedAt: day(s.date),
            lines: [{ line: line(unit, s.line), amount: amount(s.fen) }],
          },
        },
        'officer',
      );
      continue;
    }
    const lines =
      s.kind === 'transfer'
        ? [
            { line: line(unit, s.from), delta: `-${amount(s.fen)}` },
            { line: line(unit, s.to), delta: amount(s.fen) },
          ]
        : [
            {
              line: line(unit, s.from),
              delta: `${s.kind === 'decrease' ? '-' : ''}${amount(s.fen)}`,
            },
          ];
    await tryIt(
      {
        type: 'SubmitAdjustment',
        data: {
          adjustmentId: `j${i}`,
          adjustmentType: s.kind,
          reason: '测试',
          documentNumber: `文${i}`,
          effectiveDate: day(s.date),
          submittedBy: 'officer',
          submittedAt: day(s.date),
          lines,
        },
      },
      'officer',
    );
    if (s.verdict === 'approve')
      await tryIt(
        {
          type: 'ApproveAdjustment',
          data: { adjustmentId: `j${i}`, approvedBy: 'reviewer', approvedAt: day(s.date) },
        },
        'reviewer',
      );
    if (s.verdict === 'reject')
      await tryIt(
        {
          type: 'RejectAdjustment',
          data: {
            adjustmentId: `j${i}`,
            rejectedBy: 'reviewer',
            rejectedAt: day(s.date),
            reason: '不同意',
          },
        },
        'reviewer',
      );
  }
}

async function projectedAtEveryPosition(unit: string): Promise<Record<string, string>[]> {
  const events = await ledger.store.readStream(`budget-${unit}-${YEAR}`);
  const out: Record<string, string>[] = [];
  for (const e of events) {
    const rows = await lineBalances(ledger.db.appPool, [unit], YEAR, {
      position: e.globalPosition,
    });
    out.push(Object.fromEntries(rows.map((r) => [r.lineId, r.amount])));
  }
  return out;
}

async function foldedAtEveryPosition(unit: string): Promise<Record<string, string>[]> {
  const events = (await ledger.store.readStream(`budget-${unit}-${YEAR}`)).map(
    asDomain<BudgetEvent>,
  );
  return events.map((_, i) => {
    const state = foldBudget(events.slice(0, i + 1));
    return Object.fromEntries(Object.entries(state.lines).map(([id, l]) => [id, l.amount]));
  });
}

/**
 * The whole disclosure at the end of a history: from the live projections, and from the folded
 * state.
 */
async function disclosuresAtEnd(unit: string) {
  const live = (await disclosureFacts(ledger.db.appPool, `D${unit}`, YEAR))!;
  const events = (await ledger.store.readStream(`budget-${unit}-${YEAR}`)).map(
    asDomain<BudgetEvent>,
  );
  const folded: DisclosureFacts = {
    ...live,
    lines: Object.values(foldBudget(events).lines).map((l) => ({ line: l.line, amount: l.amount })),
  };
  const build = (f: DisclosureFacts) =>
    buildDisclosure(f, shippedReference(YEAR), { moneyUnit: 'yuan' }).tables;
  return { live: build(live), folded: build(folded) };
}

test('live postings = rebuilt postings = folded events, at every position of random histories', async () => {
  const units: string[] = [];
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
      const unit = `PR${++run}`;
      units.push(unit);
      await play(unit, steps);
      const folded = await foldedAtEveryPosition(unit);
      expect(await projectedAtEveryPosition(unit)).toEqual(folded);
      const end = await disclosuresAtEnd(unit);
      expect(end.live).toEqual(end.folded);
    }),
    { numRuns: 60 },
  );
  // The histories must actually exercise the postings: allocations and approved adjustments.
  const { rows } = await ledger.db.ownerPool.query(
    `SELECT event_type, count(*)::int n FROM postings GROUP BY 1`,
  );
  const byType = Object.fromEntries(rows.map((r) => [r.event_type, r.n]));
  expect(byType.InitialBudgetAllocated).toBeGreaterThan(10);
  expect(byType.AdjustmentApproved).toBeGreaterThan(3);
  // Rebuild once over all the histories and compare again, position by position.
  await rebuildProjections(ledger.db.ownerPool);
  for (const unit of units) {
    expect(await projectedAtEveryPosition(unit)).toEqual(await foldedAtEveryPosition(unit));
    const end = await disclosuresAtEnd(unit);
    expect(end.live).toEqual(end.folded);
  }
});
