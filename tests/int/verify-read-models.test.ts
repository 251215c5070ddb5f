import fc from 'fast-check';
import { LedgerService } from '../../src/app/ledger-service';
import { lineId } from '../../src/domain';
import { verifyLedger } from '../../src/events/integrity';
import { rebuildProjections } from '../../src/projections/rebuild';
import { loadSeed } from '../../src/seed/run';
import { useLedgerDatabase } from '../support/db';

/**
 * verify holds the read models to the events: every posting, posting set and fact version is
 * recomputed from the log and compared with what is stored. Whoever writes them directly (the
 * owner, a superuser: the service role cannot) is caught, and the first difference is named.
 */
const ledger = useLedgerDatabase();
const owner = () => ledger.db.ownerPool;

beforeAll(async () => {
  await loadSeed(new LedgerService(ledger.store), ledger.store, ledger.db.appPool);
  // One allocation of more than 100 lines: a posting set (migrations/0006).
  const lines = Array.from({ length: 101 }, (_, i) => ({
    lineId: lineId({
      unitCode: 'BIG',
      fiscalYear: 2024,
      fundSource: 'general-public',
      functionalCode: String(2010101 + i),
      kind: 'personnel',
      deptEconCode: '30101',
      govEconCode: '50101',
      projectCode: null,
      origin: 'current',
    }),
    delta: '1.00',
  }));
  await ledger.store.append('budget-BIG-2024', [
    {
      type: 'InitialBudgetAllocated',
      schemaVersion: 2,
      data: { allocationId: 'big', allocatedAt: '2024-01-01', documentNumber: null, lines },
    },
  ]);
});

// Each forgery is undone by a rebuild from the log, which is what an operator would run.
afterEach(() => rebuildProjections(owner()));

const first = async () => (await verifyLedger(ledger.db.appPool)).firstReadModelDifference;
const aPosting = async () =>
  (
    await owner().query(
      `SELECT global_position::text AS position, ordinal FROM line_postings
        ORDER BY global_position DESC, ordinal LIMIT 1`,
    )
  ).rows[0] as { position: string; ordinal: number };

test('given an intact ledger, verify finds every read-model row to be what the events imply', async () => {
  const r = await verifyLedger(ledger.db.appPool);
  expect(r).toMatchObject({ ok: true, firstBroken: null, firstReadModelDifference: null });
  expect(r.readModelRowsChecked).toBeGreaterThan(40n);
});

test('given a posting of +5,000,000.00 written straight into the read model, verify names it as having no event', async () => {
  const p = await aPosting();
  await owner().query(
    `INSERT INTO line_postings
       SELECT global_position, 999, transaction_id, stream_id, event_type, recorded_at, effective_date,
              line_id, unit_code, fiscal_year, fund_source, functional_code, kind, dept_econ_code,
              gov_econ_code, project_code, origin, 5000000.00
         FROM line_postings WHERE global_position = $1 AND ordinal = $2`,
    [p.position, p.ordinal],
  );
  const r = await verifyLedger(ledger.db.appPool);
  expect(r.ok).toBe(false);
  expect(r.firstBroken).toBeNull(); // the log itself is intact
  expect(r.firstReadModelDifference).toMatchObject({
    table: 'line_postings',
    globalPosition: BigInt(p.position),
    key: '999',
    problem: 'no-event',
    expected: null,
  });
  expect(JSON.parse(r.firstReadModelDifference!.actual!)).toMatchObject({ delta: 5000000.0 });
});

test('given a posting whose amount was changed, verify names it as changed, with both values', async () => {
  const p = await aPosting();
  await owner().query(
    'UPDATE line_postings SET delta = delta + 0.01 WHERE global_position = $1 AND ordinal = $2',
    [p.position, p.ordinal],
  );
  const d = await first();
  expect(d).toMatchObject({
    table: 'line_postings',
    globalPosition: BigInt(p.position),
    key: String(p.ordinal),
    problem: 'changed',
  });
  const [expected, actual] = [JSON.parse(d!.expected!), JSON.parse(d!.actual!)];
  expect(actual.delta).not.toEqual(expected.delta);
});

test('given a posting deleted from the read model, verify names it as missing', async () => {
  const p = await aPosting();
  await owner().query('DELETE FROM line_postings WHERE global_position = $1 AND ordinal = $2', [
    p.position,
    p.ordinal,
  ]);
  expect(await first()).toMatchObject({
    table: 'line_postings',
    globalPosition: BigInt(p.position),
    key: String(p.ordinal),
    problem: 'missing',
    actual: null,
  });
});

test('given a posting set removed or a publication fact version altered, verify names each', async () => {
  const set = (await owner().query('SELECT global_position::text AS p FROM posting_sets')).rows[0];
  await owner().query('DELETE FROM posting_sets WHERE global_position = $1', [set.p]);
  expect(await first()).toMatchObject({
    table: 'posting_sets',
    globalPosition: BigInt(set.p),
    problem: 'missing',
  });
  await rebuildProjections(owner());
  const fact = (
    await owner().query(
      `SELECT global_position::text AS p, fact, fact_key FROM fact_versions
        WHERE fact = 'publication'`,
    )
  ).rows[0];
  await owner().query(
    `UPDATE fact_versions SET payload = payload || '{"forged":true}'
      WHERE global_position = $1 AND fact = $2`,
    [fact.p, fact.fact],
  );
  expect(await first()).toMatchObject({
    table: 'fact_versions',
    globalPosition: BigInt(fact.p),
    key: `publication:${fact.fact_key}`,
    problem: 'changed',
  });
});

test('given any one read-model row deleted, verify names exactly that row, the first in log order', async () => {
  const { rows } = await owner().query<{ tbl: string; p: string; key: string }>(
    `SELECT 'line_postings' AS tbl, global_position::text AS p, ordinal::text AS key FROM line_postings
     UNION ALL SELECT 'posting_sets', global_position::text, '' FROM posting_sets
     UNION ALL SELECT 'fact_versions', global_position::text, fact || ':' || fact_key FROM fact_versions`,
  );
  const where: Record<string, string> = {
    line_postings: 'global_position = $1 AND ordinal::text = $2',
    posting_sets: "global_position = $1 AND '' = $2",
    fact_versions: "global_position = $1 AND fact || ':' || fact_key = $2",
  };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...rows), async (row) => {
      await owner().query(`DELETE FROM ${row.tbl} WHERE ${where[row.tbl]}`, [row.p, row.key]);
      try {
        expect(await first()).toMatchObject({
          table: row.tbl,
          globalPosition: BigInt(row.p),
          key: row.key,
          problem: 'missing',
        });
      } finally {
        await rebuildProjections(owner());
      }
    }),
    { numRuns: 20 },
  );
});

test('given a posting removed after the bound, verify up to the bound does not see it', async () => {
  const p = await aPosting();
  const { rows } = await owner().query(
    'SELECT min(global_position)::text AS p FROM events WHERE global_position < $1',
    [p.position],
  );
  await owner().query('DELETE FROM line_postings WHERE global_position = $1', [p.position]);
  expect((await verifyLedger(ledger.db.appPool, BigInt(rows[0].p))).ok).toBe(true);
  expect((await verifyLedger(ledger.db.appPool)).ok).toBe(false);
});
