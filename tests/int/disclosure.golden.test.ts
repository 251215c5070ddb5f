import { ReferenceLists } from '../../src/domain';
import Decimal from 'decimal.js';
import { LedgerService } from '../../src/app/ledger-service';
import { lineId, upcast, type BudgetLineKey, type LineDelta } from '../../src/domain';
import { loadDisclosure } from '../../src/app/disclosures';
import { loadSeed } from '../../src/seed/run';
import seedLines from '../../data/seed/fenyang-2024/lines.json';
import { compareWithPublishedTables } from '../unit/disclosure/golden-checks';
import { useLedgerDatabase } from '../support/db';

/**
 * GOLDEN, end to end below HTTP: the seed loaded through the write path, read back through the
 * projections as of its publication, reproduces every published figure of the 13 tables.
 */
const ledger = useLedgerDatabase();
const DEPT = '019';

beforeAll(async () => {
  await loadSeed(new LedgerService(ledger.store), ledger.store, ledger.db.appPool);
});

test('as published, the ledger reproduces every figure of the 13 tables, with no inconsistency', async () => {
  const { disclosure, report } = await loadDisclosure(
    ledger.db.appPool,
    {
      departmentCode: DEPT,
      fiscalYear: 2024,
      at: { published: true },
    },
    ReferenceLists.shipped(),
  );
  const t = compareWithPublishedTables(disclosure);
  expect(t.mismatches).toEqual([]);
  expect(t.compared).toBeGreaterThan(700);
  expect(report.findings.filter((f) => f.kind === 'inconsistency')).toEqual([]);
});

test('before the first allocation, the disclosure is empty', async () => {
  const first = (await ledger.db.ownerPool.query(`SELECT min(global_position) p FROM postings`))
    .rows[0].p;
  const { facts, disclosure } = await loadDisclosure(
    ledger.db.appPool,
    {
      departmentCode: DEPT,
      fiscalYear: 2024,
      at: { position: BigInt(first) - 1n },
    },
    ReferenceLists.shipped(),
  );
  expect(facts.lines).toEqual([]);
  const amounts = Object.values(disclosure.tables)
    .flatMap((table) => table.rows.flatMap((r) => Object.values(r.cells)))
    .filter((c) => typeof c === 'string' && /^\d+\.\d\d$/.test(c));
  expect(amounts.filter((a) => a !== '0.00')).toEqual([]);
});

test('after publication, the disclosure differs from the published one exactly by the approved adjustments', async () => {
  const published = await loadDisclosure(
    ledger.db.appPool,
    {
      departmentCode: DEPT,
      fiscalYear: 2024,
      at: { published: true },
    },
    ReferenceLists.shipped(),
  );
  const now = await loadDisclosure(
    ledger.db.appPool,
    {
      departmentCode: DEPT,
      fiscalYear: 2024,
      moneyUnit: 'yuan',
    },
    ReferenceLists.shipped(),
  );
  const byLine = (lines: { line: BudgetLineKey; amount: string }[]) =>
    new Map(lines.map((l) => [lineId(l.line), l.amount]));
  const before = byLine(published.facts.lines);
  const after = byLine(now.facts.lines);
  const diff = [...after]
    .map(([k, v]) => [k, new Decimal(v).minus(before.get(k) ?? 0).toFixed(2)] as const)
    .filter(([, d]) => d !== '0.00');

  const approved = (await ledger.store.readStream('budget-019001-2024')).filter(
    (e) => e.type === 'AdjustmentApproved' && e.globalPosition > published.asOf.position!,
  );
  const expected = new Map<string, Decimal>();
  for (const e of approved)
    for (const l of (upcast(e.type, e.schemaVersion, e.data) as { lines: LineDelta[] }).lines)
      expected.set(l.lineId, (expected.get(l.lineId) ?? new Decimal(0)).plus(l.delta));
  expect(new Map(diff)).toEqual(new Map([...expected].map(([k, d]) => [k, d.toFixed(2)])));
  expect(approved.length).toBe(2);
  // The grand total moved by the 追加 only (the 调剂 nets to zero): 120,000 yuan.
  const total = (d: typeof now.disclosure) =>
    d.tables.t01.rows.find((r) => r.key === 'grandTotal')?.cells;
  const exact = seedLines.lines.reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
  expect(total(now.disclosure)).toMatchObject({ total: exact.plus(120000).toFixed(2) });
  expect(total(published.disclosure)).toMatchObject({ total: '1256.36' });
});
