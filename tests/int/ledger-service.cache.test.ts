import { asDomain, LedgerService, type CommandOptions } from '../../src/app/ledger-service';
import {
  foldBudget,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetLineKey,
} from '../../src/domain';
import { useLedgerDatabase } from '../support/db';

/**
 * Each LedgerService keeps the last fold of the unit-years it used and reads only the events
 * appended since. Given two services (two server processes) writing the same unit-year, each
 * must still decide on the whole stream.
 */
const ledger = useLedgerDatabase();
const UNIT = '019001';
const YEAR = 2024;
const STREAM = `budget-${UNIT}-${YEAR}`;
const officer = { actor: 'officer:019001' };
const reviewer = { actor: 'finance:reviewer' };
const OFFICE: BudgetLineKey = {
  unitCode: UNIT,
  fiscalYear: YEAR,
  fundSource: 'general-public',
  functionalCode: '2010301',
  kind: 'public',
  deptEconCode: '30201',
  govEconCode: '50201',
  projectCode: null,
  origin: 'current',
};
const allocate = (id: string, amount: string): BudgetCommand => ({
  type: 'AllocateInitialBudget',
  data: { allocationId: id, allocatedAt: '2024-01-11', lines: [{ line: OFFICE, amount }] },
});
const decrease = (id: string, delta: string): BudgetCommand => ({
  type: 'SubmitAdjustment',
  data: {
    adjustmentId: id,
    adjustmentType: 'decrease',
    reason: '压减',
    documentNumber: '汾财预批（2024）20号',
    effectiveDate: '2024-06-01',
    submittedBy: officer.actor,
    submittedAt: '2024-05-20',
    lines: [{ line: OFFICE, delta }],
  },
});
const approve = (id: string): BudgetCommand => ({
  type: 'ApproveAdjustment',
  data: { adjustmentId: id, approvedBy: reviewer.actor, approvedAt: '2024-05-28' },
});

test('given another service allocated since this one last read the unit-year, this one decides on the new balance', async () => {
  const a = new LedgerService(ledger.store);
  const b = new LedgerService(ledger.store);
  const exec = (s: LedgerService, c: BudgetCommand, o: CommandOptions = officer) =>
    s.execute(UNIT, YEAR, c, o);
  await a.registerUnit(
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
  await exec(a, {
    type: 'OpenFiscalYear',
    data: { fiscalYear: YEAR, openedAt: '2024-01-05' },
  } as BudgetCommand);
  await exec(b, allocate('a1', '100.00')); // b has now folded the unit-year: 100.00 on the line
  await exec(a, allocate('a2', '100.00')); // 200.00, which b has not read yet

  // 150.00 off the line: refused on b's old fold (100.00), allowed on the stream (200.00).
  await exec(b, decrease('d1', '-150.00'));
  await exec(b, approve('d1'), reviewer);
  // And a, which last read at 100.00, sees b's approval: 50.00 left, so 60.00 off is refused.
  await expect(exec(a, decrease('d2', '-60.00'))).rejects.toMatchObject({
    details: { ruleId: 'line.non-negative' },
  });

  const whole = foldBudget((await ledger.store.readStream(STREAM)).map(asDomain<BudgetEvent>));
  for (const s of [a, b]) {
    const [fold] = await s.budgetStates([STREAM]);
    expect(fold!.version).toBe(await ledger.store.streamVersion(STREAM));
    expect(fold!.state).toEqual(whole);
  }
  expect(Object.values(whole.lines).map((l) => l.amount)).toEqual(['50.00']);
});
