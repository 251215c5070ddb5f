import fs from 'node:fs';
import path from 'node:path';
import { LedgerService } from '../../src/app/ledger-service';
import { loadDisclosure } from '../../src/app/disclosures';
import { importDisclosure } from '../../src/app/import-disclosure';
import { upcast, type LineDelta } from '../../src/domain';
import { compareWithPublishedTables } from '../unit/disclosure/golden-checks';
import { useLedgerDatabase } from '../support/db';

/**
 * import-disclosure end to end below the CLI: the seed's published text into a fresh ledger, then
 * the disclosure built from the ledger compared with every figure of expected.json's 13 tables.
 */
const SOURCE = path.join(__dirname, '../../data/seed/fenyang-2024/source.txt');
const text = fs.readFileSync(SOURCE, 'utf8');
const DEPT = '019';
const ledger = useLedgerDatabase();
let service: LedgerService;

const eventCount = async () =>
  Number((await ledger.db.ownerPool.query('SELECT count(*) n FROM events')).rows[0].n);

beforeAll(async () => {
  service = new LedgerService(ledger.store);
});

test('a truncated file reports what was not understood and appends nothing', async () => {
  const cut =
    text.split('\n').slice(0, 150).join('\n') +
    '\n2024年一般公共预算支出预算表（不含上年结转）\n单位：万元\n2010301\t行政运行\tabc\n';
  const r = await importDisclosure(service, ledger.store, {
    fileName: 'truncated.txt',
    text: cut,
    departmentCode: DEPT,
    fiscalYear: 2024,
  });
  expect(r.ok).toBe(false);
  expect(r.problems.length).toBeGreaterThan(0);
  expect(r.problems.every((p) => p.line >= 1)).toBe(true);
  expect(await eventCount()).toBe(0);
});

test('a garbled amount in table 6 is reported with its line and nothing is appended', async () => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('基本工资\t'));
  lines[i] = lines[i]!.replace('47.54', '47.5x');
  const r = await importDisclosure(service, ledger.store, {
    fileName: 'garbled.txt',
    text: lines.join('\n'),
    departmentCode: DEPT,
    fiscalYear: 2024,
  });
  expect(r.ok).toBe(false);
  expect(r.problems.map((p) => p.line)).toContain(i + 1);
  expect(await eventCount()).toBe(0);
});

test('a dry run plans the whole import and appends nothing', async () => {
  const r = await importDisclosure(service, ledger.store, {
    fileName: 'source.txt',
    text,
    departmentCode: DEPT,
    fiscalYear: 2024,
    dryRun: true,
  });
  expect(r.problems).toEqual([]);
  expect(r.ok).toBe(true);
  expect(r.steps.every((s) => s.status === 'would-apply')).toBe(true);
  expect(r.plan!.figures.unreproduced).toEqual([]);
  expect(await eventCount()).toBe(0);
});

test('importing the seed source reproduces every figure of the 13 published tables', async () => {
  const r = await importDisclosure(service, ledger.store, {
    fileName: 'source.txt',
    text,
    departmentCode: DEPT,
    fiscalYear: 2024,
  });
  expect(r.problems).toEqual([]);
  expect(r.ok).toBe(true);
  expect(r.steps.filter((s) => s.status === 'applied').length).toBe(r.steps.length);

  const { disclosure } = await loadDisclosure(
    ledger.db.appPool,
    {
      departmentCode: DEPT,
      fiscalYear: 2024,
    },
    service.references.current,
  );
  const t = compareWithPublishedTables(disclosure);
  // Every figure, totals (合计, 类/款 rows, t06 groups) included: no 尾差 case is left over.
  expect(t.mismatches).toEqual([]);
  expect(t.compared).toBeGreaterThan(700);
});

test('allocations record the source document and whether their lines were derived', async () => {
  const events = (await ledger.store.readStream('budget-019001-2024')).filter(
    (e) => e.type === 'InitialBudgetAllocated',
  );
  expect(events.length).toBe(12);
  for (const e of events) {
    expect(e.metadata.documentRef).toMatch(/^source\.txt sha256:[0-9a-f]{64}$/);
    const reason = JSON.parse(String(e.metadata.reason));
    expect(reason.source.file).toBe('source.txt');
    expect(reason.derived).toBe(String(e.data.allocationId).includes('基本支出'));
    if (reason.derived) expect(reason.method).toMatch(/margin-fit/);
  }
  // Projects: the forms' 元, exactly.
  const p09 = events.find((e) => String(e.data.allocationId).endsWith('-P09'))!;
  expect(
    (upcast(p09.type, p09.schemaVersion, p09.data) as { lines: LineDelta[] }).lines[0]!.delta,
  ).toBe('753249.60');
});

test('re-importing the same file appends nothing', async () => {
  const before = await eventCount();
  const r = await importDisclosure(service, ledger.store, {
    fileName: 'source.txt',
    text,
    departmentCode: DEPT,
    fiscalYear: 2024,
  });
  expect(r.ok).toBe(true);
  expect(r.steps.every((s) => s.status === 'already-imported')).toBe(true);
  expect(await eventCount()).toBe(before);
});
