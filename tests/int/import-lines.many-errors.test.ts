/**
 * A file whose every line is bad, at a size that used to crash the import ("Maximum call stack
 * size exceeded" past ~130,000 errors): the report lists the first errors by line and counts them
 * all, and nothing is applied.
 */
import { LedgerService } from '../../src/app/ledger-service';
import { importLines, MAX_REPORTED_ERRORS, reportText } from '../../src/import/import-lines';
import { loadSeed } from '../../src/seed/run';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();
let service: LedgerService;

beforeAll(async () => {
  service = new LedgerService(ledger.store);
  await loadSeed(service, ledger.store, ledger.db.appPool);
}, 120_000);

test('given 140,000 lines with an economic code the year lacks, the first 1,000 are reported and all counted', async () => {
  const LINES = 140_000;
  const header =
    'unit_code,fiscal_year,fund_source,functional_code,kind,dept_econ_code,gov_econ_code,' +
    'project_code,origin,amount\n';
  const line = '019001,2024,general-public,2010301,public,39999,50201,,current,1.00\n';
  const before = await ledger.store.settledPosition();
  const r = await importLines(service, ledger.store, {
    unitCode: '019001',
    fiscalYear: 2024,
    actor: 'officer:019-import',
    date: '2024-02-01',
    fileName: 'bad.csv',
    bytes: Buffer.from(header + line.repeat(LINES)),
    kind: 'allocation',
  });
  expect(r.ok).toBe(false);
  expect(r.errorCount).toBe(LINES);
  expect(r.errors).toHaveLength(MAX_REPORTED_ERRORS);
  expect(r.errors.map((e) => e.line)).toEqual(
    Array.from({ length: MAX_REPORTED_ERRORS }, (_, i) => i + 2),
  );
  expect(r.errors[0]).toMatchObject({ column: 'dept_econ_code', ruleId: 'code.unknown' });
  const text = reportText('bad.csv', r);
  expect(text).toContain(`bad.csv: ${LINES} errors in ${LINES} lines; nothing applied`);
  expect(text).toContain(`the first ${MAX_REPORTED_ERRORS} by line:`);
  expect(await ledger.store.settledPosition()).toBe(before);
});
