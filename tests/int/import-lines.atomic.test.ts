import { LedgerService } from '../../src/app/ledger-service';
import { shippedReference, type BudgetCommand } from '../../src/domain';
import type { AppendBatch } from '../../src/events/types';
import { importLines } from '../../src/import/import-lines';
import { syntheticRows, toCsv } from '../../bench/synthetic';
import { loadSeed } from '../../src/seed/run';
import { useLedgerDatabase } from '../support/db';

/**
 * A file that addresses several units is applied in one transaction: a change to one unit-year
 * between deciding and appending (another writer) never leaves the other units applied.
 */
const ledger = useLedgerDatabase('test');
const YEAR = 2024;
const actor = { actor: 'officer:019-import' };

/** A LedgerService that lets another writer change a unit-year just before its first commit. */
class RacedService extends LedgerService {
  constructor(
    store: ConstructorParameters<typeof LedgerService>[0],
    private readonly meanwhile: () => Promise<unknown>,
  ) {
    super(store);
  }
  commits = 0;
  override async appendDecidedBatches(batches: AsyncIterable<readonly AppendBatch[]>) {
    if (this.commits++ === 0) await this.meanwhile();
    return super.appendDecidedBatches(batches);
  }
}

async function eventsOf(unit: string): Promise<string[]> {
  const { rows } = await ledger.db.ownerPool.query<{ type: string }>(
    'SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [`budget-${unit}-${YEAR}`],
  );
  return rows.map((r) => r.type);
}

const fileOfTwoUnits = () => {
  const ref = shippedReference(YEAR);
  return Buffer.from(
    toCsv([
      ...syntheticRows('019001', '019001', 30, ref, 5),
      ...syntheticRows('019002', '019002', 12, ref, 9),
    ]),
  );
};
const run = (service: LedgerService) =>
  importLines(service, ledger.store, {
    unitCode: '019',
    fiscalYear: YEAR,
    actor: actor.actor,
    date: '2024-02-01',
    fileName: 'dept.csv',
    bytes: fileOfTwoUnits(),
    kind: 'allocation',
    allocationId: 'dept',
  });

beforeEach(
  async () => loadSeed(new LedgerService(ledger.store), ledger.store, ledger.db.appPool),
  120_000,
);

test('given another writer changes one unit-year after the file was decided, the import decides again and applies every unit', async () => {
  const plain = new LedgerService(ledger.store);
  const before = { a: await eventsOf('019001'), b: await eventsOf('019002') };
  const project: BudgetCommand = {
    type: 'RegisterProject',
    data: {
      project: {
        code: 'RACE-1',
        name: '并发登记的项目',
        category: 'specific-goal',
        attribute: 'one-off',
        period: '1年',
      },
      registeredAt: '2024-01-20',
    },
  };
  const service = new RacedService(ledger.store, () =>
    plain.execute('019002', YEAR, project, actor),
  );
  const r = await run(service);
  expect(r.errors).toEqual([]);
  expect(service.commits).toBe(2);
  expect(r.commands.map((c) => [c.unitCode, c.status])).toEqual([
    ['019001', 'applied'],
    ['019002', 'applied'],
  ]);
  expect(await eventsOf('019001')).toEqual([...before.a, 'InitialBudgetAllocated']);
  expect(await eventsOf('019002')).toEqual([
    ...before.b,
    'ProjectRegistered',
    'InitialBudgetAllocated',
  ]);
});

test('given the change makes one unit refuse the file, nothing is applied to any unit and the refusal is reported', async () => {
  const plain = new LedgerService(ledger.store);
  const before = { a: await eventsOf('019001'), b: await eventsOf('019002') };
  // Another allocation recorded under the same id: the file's allocation for 019002 is now a duplicate.
  const line = syntheticRows('019002', '019002', 1, shippedReference(YEAR), 500)[0]!;
  const clash: BudgetCommand = {
    type: 'AllocateInitialBudget',
    data: {
      allocationId: 'dept',
      allocatedAt: '2024-01-20',
      documentNumber: null,
      lines: [
        {
          line: {
            unitCode: '019002',
            fiscalYear: YEAR,
            fundSource: line.fund_source,
            functionalCode: line.functional_code,
            kind: line.kind,
            deptEconCode: line.dept_econ_code,
            govEconCode: line.gov_econ_code,
            projectCode: line.project_code || null,
            origin: 'current',
          },
          amount: '1.00',
        },
      ],
    },
  } as BudgetCommand;
  const service = new RacedService(ledger.store, () => plain.execute('019002', YEAR, clash, actor));
  const r = await run(service);
  expect(r.ok).toBe(false);
  expect(r.errors.map((e) => e.ruleId)).toEqual(['record.duplicate-id']);
  expect(await eventsOf('019001')).toEqual(before.a);
  expect(await eventsOf('019002')).toEqual([...before.b, 'InitialBudgetAllocated']);
});

test('given the same file is imported by another writer meanwhile, the import reports its commands already imported and appends nothing more', async () => {
  const plain = new LedgerService(ledger.store);
  const before = { a: await eventsOf('019001'), b: await eventsOf('019002') };
  const service = new RacedService(ledger.store, () => run(plain));
  const r = await run(service);
  expect(r.errors).toEqual([]);
  expect(r.commands.map((c) => [c.unitCode, c.status])).toEqual([
    ['019001', 'already-imported'],
    ['019002', 'already-imported'],
  ]);
  expect(await eventsOf('019001')).toEqual([...before.a, 'InitialBudgetAllocated']);
  expect(await eventsOf('019002')).toEqual([...before.b, 'InitialBudgetAllocated']);
});

test('given the same file imported twice at once, one import applies it and the other reports it already imported; each unit holds it once', async () => {
  const ref = shippedReference(YEAR);
  const bytes = Buffer.from(
    toCsv([
      ...syntheticRows('019001', '019001', 300, ref, 21),
      ...syntheticRows('019002', '019002', 120, ref, 23),
    ]),
  );
  const once = () =>
    importLines(new LedgerService(ledger.store), ledger.store, {
      unitCode: '019',
      fiscalYear: YEAR,
      actor: actor.actor,
      date: '2024-02-01',
      fileName: 'twice.csv',
      bytes,
      kind: 'allocation',
      allocationId: 'twice',
    });
  for (let round = 0; round < 3; round++) {
    const [a, b] = await Promise.all([once(), once()]);
    expect([a.errors, b.errors]).toEqual([[], []]);
    const statuses = [a, b].map((r) => r.commands.map((c) => c.status).join(','));
    if (round === 0)
      expect(statuses.sort()).toEqual(['already-imported,already-imported', 'applied,applied']);
    else
      expect(statuses).toEqual([
        'already-imported,already-imported',
        'already-imported,already-imported',
      ]);
  }
  const { rows } = await ledger.db.ownerPool.query<{ stream_id: string; n: number }>(
    "SELECT stream_id, count(*)::int AS n FROM events WHERE type = 'InitialBudgetAllocated' AND data->>'allocationId' = 'twice' GROUP BY stream_id ORDER BY stream_id",
  );
  expect(rows).toEqual([
    { stream_id: `budget-019001-${YEAR}`, n: 1 },
    { stream_id: `budget-019002-${YEAR}`, n: 1 },
  ]);
});
