import { LedgerService, type BatchCommand } from '../../src/app/ledger-service';
import { IdempotencyMismatchError } from '../../src/app/errors';
import type { BudgetCommand, BudgetLineKey } from '../../src/domain';
import { ConcurrencyError } from '../../src/events/errors';
import { lineBalances } from '../../src/projections/budget-lines';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();
let service: LedgerService;

const UNIT = '019001';
const YEAR = 2024;
const STREAM = `budget-${UNIT}-${YEAR}`;
const officer = { actor: 'officer:019001' };
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

const allocate = (id: string, amount: string, l = OFFICE): BudgetCommand => ({
  type: 'AllocateInitialBudget',
  data: { allocationId: id, allocatedAt: '2024-01-11', lines: [{ line: l, amount }] },
});
const decrease = (id: string, delta: string): BudgetCommand => ({
  type: 'SubmitAdjustment',
  data: {
    adjustmentId: id,
    adjustmentType: 'decrease',
    reason: '工作需要',
    documentNumber: '汾财预批（2024）9号',
    effectiveDate: '2024-06-01',
    submittedBy: 'officer:019001',
    submittedAt: '2024-05-20',
    lines: [{ line: OFFICE, delta }],
  },
});

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
  await service.execute(
    UNIT,
    YEAR,
    { type: 'OpenFiscalYear', data: { fiscalYear: YEAR, openedAt: '2024-01-05' } } as BudgetCommand,
    officer,
  );
});

describe('LedgerService.executeMany: several commands on one stream, decided once each, one append', () => {
  test('commands are decided on the evolving state and appended together at the version read', async () => {
    const version = await ledger.store.streamVersion(STREAM);
    // The decrease is only valid on top of the allocation before it in the same batch.
    const batch: BatchCommand[] = [
      { command: allocate('b1', '500.00'), idempotencyKey: 'batch:1' },
      { command: allocate('b2', '70.00', TRAVEL), idempotencyKey: 'batch:2' },
      { command: decrease('d1', '-100.00'), idempotencyKey: 'batch:3' },
    ];
    const result = await service.executeMany(UNIT, YEAR, batch, officer);
    expect(result.commands.map((c) => [c.replayed, c.events.map((e) => e.type)])).toEqual([
      [false, ['InitialBudgetAllocated']],
      [false, ['InitialBudgetAllocated']],
      [false, ['AdjustmentSubmitted']],
    ]);
    expect(result.commands.flatMap((c) => c.events.map((e) => e.streamVersion))).toEqual([
      version + 1n,
      version + 2n,
      version + 3n,
    ]);
    expect(result.nextExpectedVersion).toBe(version + 3n);
    const amounts = Object.fromEntries(
      (await lineBalances(ledger.db.appPool, [UNIT], YEAR)).map((r) => [
        r.line.deptEconCode,
        r.amount,
      ]),
    );
    expect(amounts).toEqual({ '30201': '500.00', '30211': '70.00' });
    // Each command's key is its own: execute with it answers from the log.
    const replay = await service.execute(UNIT, YEAR, allocate('b2', '70.00', TRAVEL), {
      ...officer,
      idempotencyKey: 'batch:2',
    });
    expect(replay.replayed).toBe(true);
    expect(replay.events).toEqual(result.commands[1]!.events);
  });

  test('a stale expected version is a concurrency conflict and appends nothing; so is committing a batch after the stream moved', async () => {
    const version = await ledger.store.streamVersion(STREAM);
    const err = await service
      .executeMany(UNIT, YEAR, [{ command: allocate('s1', '1.00') }], {
        ...officer,
        expectedVersion: version - 1n,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConcurrencyError);
    expect(await ledger.store.streamVersion(STREAM)).toBe(version);

    const prepared = await service.prepareMany(
      UNIT,
      YEAR,
      [{ command: allocate('s2', '1.00') }],
      officer,
    );
    expect(prepared.ok).toBe(true);
    await service.execute(UNIT, YEAR, allocate('s3', '1.00', TRAVEL), officer);
    await expect(service.commit(prepared)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await ledger.store.streamVersion(STREAM)).toBe(version + 1n);
  });

  test('a rule violation on any command throws and appends nothing, not even the valid commands before it; prepareMany reports every refusal', async () => {
    const version = await ledger.store.streamVersion(STREAM);
    const batch: BatchCommand[] = [
      { command: allocate('r1', '10.00'), idempotencyKey: 'rule:1' },
      { command: decrease('r2', '-99999999.00'), idempotencyKey: 'rule:2' },
      { command: allocate('r1', '20.00'), idempotencyKey: 'rule:3' },
    ];
    await expect(service.executeMany(UNIT, YEAR, batch, officer)).rejects.toMatchObject({
      details: expect.objectContaining({ ruleId: expect.any(String) }),
    });
    expect(await ledger.store.streamVersion(STREAM)).toBe(version);
    const prepared = await service.prepareMany(UNIT, YEAR, batch, officer);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.refusals.map((r) => r.index)).toEqual([1, 2]);
    await expect(service.commit(prepared)).rejects.toThrow(
      /prepared by this service, without refusals/,
    );
    expect(await ledger.store.streamVersion(STREAM)).toBe(version);
  });

  test('idempotent: the same batch again appends nothing; the same key with another command is refused; a batch commits once', async () => {
    const batch: BatchCommand[] = [
      { command: allocate('i1', '5.00'), idempotencyKey: 'idem:1' },
      { command: allocate('i2', '6.00', TRAVEL), idempotencyKey: 'idem:2' },
    ];
    const first = await service.executeMany(UNIT, YEAR, batch, officer);
    const version = await ledger.store.streamVersion(STREAM);
    const again = await service.executeMany(UNIT, YEAR, batch, officer);
    expect(again.commands.map((c) => c.replayed)).toEqual([true, true]);
    expect(first.commands.map((c) => c.replayed)).toEqual([false, false]);
    expect(await ledger.store.streamVersion(STREAM)).toBe(version);
    // One recorded, one new: only the new one is decided and appended.
    const mixed = await service.executeMany(
      UNIT,
      YEAR,
      [batch[0]!, { command: allocate('i3', '7.00'), idempotencyKey: 'idem:3' }],
      officer,
    );
    expect(mixed.commands.map((c) => c.replayed)).toEqual([true, false]);
    expect(await ledger.store.streamVersion(STREAM)).toBe(version + 1n);
    await expect(
      service.executeMany(
        UNIT,
        YEAR,
        [{ command: allocate('i1', '999.00'), idempotencyKey: 'idem:1' }],
        officer,
      ),
    ).rejects.toBeInstanceOf(IdempotencyMismatchError);

    const prepared = await service.prepareMany(
      UNIT,
      YEAR,
      [{ command: allocate('i4', '1.00'), idempotencyKey: 'idem:4' }],
      officer,
    );
    await service.commit(prepared);
    await expect(service.commit(prepared)).rejects.toThrow(/already committed/);
    await expect(service.commit({ ...prepared })).rejects.toThrow(/prepared by this service/);
    expect(await ledger.store.streamVersion(STREAM)).toBe(version + 2n);
  });
});
