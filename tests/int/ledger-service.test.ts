import { LedgerService, type CommandOptions } from '../../src/app/ledger-service';
import { IdempotencyMismatchError } from '../../src/app/errors';
import type { BudgetCommand, BudgetLineKey } from '../../src/domain';
import { ConcurrencyError } from '../../src/events/errors';
import { lineBalances } from '../../src/projections/budget-lines';
import { factsAt, publishedPosition } from '../../src/projections/fact-versions';
import { rebuildProjections } from '../../src/projections/rebuild';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();
let service: LedgerService;

const UNIT = '019001';
const YEAR = 2024;
const officer = { actor: 'officer:019001' };
const reviewer = { actor: 'finance:reviewer' };
const line = (o: Partial<BudgetLineKey> = {}): BudgetLineKey => ({
  unitCode: UNIT,
  fiscalYear: YEAR,
  fundSource: 'general-public',
  functionalCode: '2010301',
  kind: 'public',
  deptEconCode: '30201',
  govEconCode: '50201',
  projectCode: null,
  origin: 'current',
  ...o,
});
const OFFICE = line();
const TRAVEL = line({ deptEconCode: '30211' });

const exec = (command: BudgetCommand, opts: CommandOptions = officer) =>
  service.execute(UNIT, YEAR, command, opts);

beforeAll(async () => {
  service = new LedgerService(ledger.store);
  await service.registerUnit(
    {
      type: 'RegisterBudgetUnit',
      data: {
        unitCode: UNIT,
        name: '汾阳市行政审批服务管理局',
        kind: 'administrative',
        departmentCode: '019',
        registeredAt: '2024-01-02',
        staffing: { authorized: 12, actual: 12 },
      },
    },
    { actor: 'admin' },
  );
  await exec({
    type: 'OpenFiscalYear',
    data: { fiscalYear: YEAR, openedAt: '2024-01-05' },
  } as BudgetCommand);
});

describe('the write path: load, decide, append', () => {
  test('an allocation and an approved transfer become postings; time travel answers by position and by date', async () => {
    const before = await ledger.store.settledPosition();
    const alloc = await exec({
      type: 'AllocateInitialBudget',
      data: {
        allocationId: 'a1',
        allocatedAt: '2024-01-11',
        lines: [
          { line: OFFICE, amount: '22200.00' },
          { line: TRAVEL, amount: '5000.00' },
        ],
      },
    });
    await exec({
      type: 'SubmitAdjustment',
      data: {
        adjustmentId: 'adj1',
        adjustmentType: 'transfer',
        reason: '工作需要',
        documentNumber: '汾财预批（2024）12号',
        effectiveDate: '2024-06-01',
        submittedBy: 'officer:019001',
        submittedAt: '2024-05-20',
        lines: [
          { line: OFFICE, delta: '-1000.00' },
          { line: TRAVEL, delta: '1000.00' },
        ],
      },
    });
    const approval = await exec(
      {
        type: 'ApproveAdjustment',
        data: { adjustmentId: 'adj1', approvedBy: 'finance:reviewer', approvedAt: '2024-05-28' },
      },
      reviewer,
    );

    const amounts = (rows: { line: BudgetLineKey; amount: string }[]) =>
      Object.fromEntries(rows.map((r) => [r.line.deptEconCode, r.amount]));
    expect(amounts(await lineBalances(ledger.db.appPool, [UNIT], YEAR))).toEqual({
      '30201': '21200.00',
      '30211': '6000.00',
    });
    expect(await lineBalances(ledger.db.appPool, [UNIT], YEAR, { position: before })).toEqual([]);
    expect(
      amounts(
        await lineBalances(ledger.db.appPool, [UNIT], YEAR, {
          position: alloc.events[0].globalPosition,
        }),
      ),
    ).toEqual({ '30201': '22200.00', '30211': '5000.00' });
    // Approved on 28 May, in force from 1 June.
    expect(
      amounts(await lineBalances(ledger.db.appPool, [UNIT], YEAR, { effectiveOn: '2024-05-31' })),
    ).toEqual({ '30201': '22200.00', '30211': '5000.00' });
    expect(
      amounts(await lineBalances(ledger.db.appPool, [UNIT], YEAR, { effectiveOn: '2024-06-01' })),
    ).toEqual({ '30201': '21200.00', '30211': '6000.00' });
    expect(approval.events[0].type).toBe('AdjustmentApproved');
  });

  test('submitting an adjustment with a stale expected version is a concurrency conflict and changes nothing', async () => {
    const version = await ledger.store.streamVersion(`budget-${UNIT}-${YEAR}`);
    const submit: BudgetCommand = {
      type: 'SubmitAdjustment',
      data: {
        adjustmentId: 'stale',
        adjustmentType: 'increase',
        reason: '工作需要',
        documentNumber: '汾财预批（2024）13号',
        effectiveDate: '2024-06-01',
        submittedBy: 'officer:019001',
        submittedAt: '2024-05-20',
        lines: [{ line: OFFICE, delta: '10.00' }],
      },
    };
    const err = await exec(submit, { ...officer, expectedVersion: version - 1n }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConcurrencyError);
    expect((err as ConcurrencyError).actualVersion).toBe(version);
    expect(await ledger.store.streamVersion(`budget-${UNIT}-${YEAR}`)).toBe(version);
  });

  test('a rule violation is a typed error and appends nothing', async () => {
    const version = await ledger.store.streamVersion(`budget-${UNIT}-${YEAR}`);
    await expect(
      exec({
        type: 'SubmitAdjustment',
        data: {
          adjustmentId: 'bad',
          adjustmentType: 'decrease',
          reason: 'x',
          documentNumber: 'x',
          effectiveDate: '2024-06-01',
          submittedBy: 'officer:019001',
          submittedAt: '2024-05-20',
          lines: [{ line: OFFICE, delta: '-99999999.00' }],
        },
      }),
    ).rejects.toMatchObject({ code: 'POLICY_VIOLATION' });
    expect(await ledger.store.streamVersion(`budget-${UNIT}-${YEAR}`)).toBe(version);
  });

  test('an idempotent retry returns the original result; the same key for another command is refused', async () => {
    const command: BudgetCommand = {
      type: 'AllocateInitialBudget',
      data: {
        allocationId: 'a2',
        allocatedAt: '2024-02-01',
        lines: [{ line: OFFICE, amount: '100.00' }],
      },
    };
    const first = await exec(command, { ...officer, idempotencyKey: 'k-1' });
    const retry = await exec(command, { ...officer, idempotencyKey: 'k-1' });
    expect(retry.replayed).toBe(true);
    expect(retry.events).toEqual(first.events);
    const other: BudgetCommand = { ...command, data: { ...command.data, allocationId: 'a3' } };
    await expect(exec(other, { ...officer, idempotencyKey: 'k-1' })).rejects.toBeInstanceOf(
      IdempotencyMismatchError,
    );
  });

  test('copies of one keyed request sent at once: one is recorded, every copy gets its result', async () => {
    const command: BudgetCommand = {
      type: 'AllocateInitialBudget',
      data: {
        allocationId: 'a-concurrent',
        allocatedAt: '2024-02-01',
        lines: [{ line: OFFICE, amount: '7.00' }],
      },
    };
    const before = await ledger.store.streamVersion(`budget-${UNIT}-${YEAR}`);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => exec(command, { ...officer, idempotencyKey: 'k-race' })),
    );
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    for (const r of results) expect(r.events).toEqual(results[0]!.events);
    expect(await ledger.store.streamVersion(`budget-${UNIT}-${YEAR}`)).toBe(before + 1n);
  });

  test('every event records its actor and command', async () => {
    const events = await ledger.store.readStream(`budget-${UNIT}-${YEAR}`);
    for (const e of events)
      expect(e.metadata).toMatchObject({
        actor: expect.any(String),
        commandType: expect.any(String),
      });
    expect(events.find((e) => e.type === 'AdjustmentApproved')?.metadata.actor).toBe(
      'finance:reviewer',
    );
  });

  test('facts and publications are versioned read models', async () => {
    await exec({
      type: 'RecordProcurementBudget',
      data: { recordedAt: '2024-01-20', goods: '0.00', works: '0.00', services: '100.00' },
    });
    const pub = await exec({
      type: 'PublishDisclosure',
      data: {
        disclosureId: 'd1',
        publishedAt: '2024-02-05',
        ledgerPosition: '5',
        digest: 'a'.repeat(64),
        // Position 5 holds an unfinished year: the publication gate's warnings, acknowledged.
        acknowledge: [
          'publication.unit-performance-form',
          'publication.procurement-budget',
          'publication.state-assets',
        ],
      },
    });
    const facts = await factsAt(ledger.db.appPool, [UNIT], YEAR);
    expect(facts.map((f) => f.fact).sort()).toEqual(['procurement', 'publication', 'unit', 'year']);
    expect(facts.find((f) => f.fact === 'unit')?.payload).toMatchObject({ departmentCode: '019' });
    expect(await publishedPosition(ledger.db.appPool, [UNIT], YEAR)).toBe(5n);
    expect(
      (
        await factsAt(ledger.db.appPool, [UNIT], YEAR, {
          position: pub.events[0].globalPosition - 1n,
        })
      ).map((f) => f.fact),
    ).not.toContain('publication');
  });

  test('rebuilding the read models from the log reproduces them exactly', async () => {
    const snapshot = async () => {
      const p = await ledger.db.ownerPool.query(
        'SELECT * FROM postings ORDER BY global_position, ordinal',
      );
      const f = await ledger.db.ownerPool.query(
        'SELECT * FROM fact_versions ORDER BY global_position, fact, fact_key',
      );
      return { p: p.rows, f: f.rows };
    };
    const live = await snapshot();
    expect(live.p.length).toBeGreaterThan(0);
    const r = await rebuildProjections(ledger.db.ownerPool);
    expect(r.postings).toBe(live.p.length);
    expect(await snapshot()).toEqual(live);
  });
});
