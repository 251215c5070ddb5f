import Decimal from 'decimal.js';
import { LedgerService } from '../../src/app/ledger-service';
import { EventStore } from '../../src/events/event-store';
import { verifyLedger } from '../../src/events/integrity';
import { lineBalances } from '../../src/projections/budget-lines';
import { factsAt, publishedPosition } from '../../src/projections/fact-versions';
import seedLines from '../../data/seed/fenyang-2024/lines.json';
import { loadSeed } from '../../src/seed/run';
import { freshDatabase, useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();
const UNITS = ['019001', '019002'];
const total = (rows: { amount: string }[]) =>
  rows.reduce((s, r) => s.plus(r.amount), new Decimal(0)).toFixed(2);

test('the seed loads through the write path, and loading it again appends nothing', async () => {
  const service = new LedgerService(ledger.store);
  const first = await loadSeed(service, ledger.store, ledger.db.appPool);
  expect(first.applied).toBeGreaterThan(40);
  expect(first.skipped).toBe(0);
  const count = async () =>
    (await ledger.db.ownerPool.query('SELECT count(*)::int n FROM events')).rows[0].n;
  const n = await count();
  const again = await loadSeed(service, ledger.store, ledger.db.appPool);
  expect(again).toEqual({ applied: 0, skipped: first.applied });
  expect(await count()).toBe(n);
  expect((await verifyLedger(ledger.db.appPool)).ok).toBe(true);
});

test('as published, the ledger holds exactly the derived lines (1,256.36万元)', async () => {
  const published = await publishedPosition(ledger.db.appPool, UNITS, 2024);
  expect(published).not.toBeNull();
  const rows = await lineBalances(ledger.db.appPool, UNITS, 2024, { position: published! });
  expect(rows).toHaveLength(seedLines.lines.length);
  expect(total(rows)).toBe(total(seedLines.lines));
  expect(new Decimal(total(rows)).div(10000).toFixed(2)).toBe('1256.36');
});

test('after publication, an approved 追加 of 120,000 yuan and a balanced 调剂 change the budget', async () => {
  const published = await publishedPosition(ledger.db.appPool, UNITS, 2024);
  const now = await lineBalances(ledger.db.appPool, UNITS, 2024);
  const then = await lineBalances(ledger.db.appPool, UNITS, 2024, { position: published! });
  expect(new Decimal(total(now)).minus(total(then)).toFixed(2)).toBe('120000.00');
  const changed = now
    .filter((r) => r.amount !== then.find((t) => t.lineId === r.lineId)?.amount)
    .map((r) => r.line.deptEconCode)
    .sort();
  expect(changed).toEqual(['30201', '30211', '30227']);
  // In force on 30 June: the 追加 (effective 1 July) and the 调剂 (1 September) are not yet.
  expect(
    total(await lineBalances(ledger.db.appPool, UNITS, 2024, { effectiveOn: '2024-06-30' })),
  ).toBe(total(then));
});

test('the performance-target revision is a new version of the form', async () => {
  const facts = await factsAt(ledger.db.appPool, UNITS, 2024);
  const p05 = facts.find((f) => f.fact === 'targets' && f.key === 'project:P05');
  expect(p05?.versions).toBe(2);
  expect(facts.filter((f) => f.fact === 'targets')).toHaveLength(12);
  expect(facts.filter((f) => f.fact === 'project')).toHaveLength(11);
});

test('the publication waits for the log to settle instead of recording an earlier position', async () => {
  // Another client's open transaction (anywhere on the server) holds the settled head back.
  const db2 = await freshDatabase();
  const store2 = new EventStore(db2.appPool);
  const blocker = await ledger.db.ownerPool.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query('SELECT pg_current_xact_id()');
    const loading = loadSeed(new LedgerService(store2), store2, db2.appPool);
    setTimeout(() => void blocker.query('COMMIT'), 1500);
    await loading;
    const published = await publishedPosition(db2.appPool, UNITS, 2024);
    const publication = (await store2.readStream('budget-019001-2024')).find(
      (e) => e.type === 'DisclosurePublished',
    )!;
    const before = await db2.ownerPool.query(
      'SELECT max(global_position) AS p FROM events WHERE global_position < $1',
      [publication.globalPosition],
    );
    expect(published).toBe(BigInt(before.rows[0].p));
  } finally {
    blocker.release();
    await store2.close();
    await db2.drop();
  }
});
