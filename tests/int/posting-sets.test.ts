import fc from 'fast-check';
import { LedgerService } from '../../src/app/ledger-service';
import { loadSeed } from '../../src/seed/run';
import { useLedgerDatabase } from '../support/db';

/**
 * Migration 0006 made postings a view: one posting_sets row per line-changing event, its lines
 * unnested from the event, the line key's columns read back from each line's lineId. These tests
 * hold the view to what the events say.
 */
const ledger = useLedgerDatabase();

test('given the seeded ledger, every posting has the line key, delta and order its event records', async () => {
  await loadSeed(new LedgerService(ledger.store), ledger.store, ledger.db.appPool);
  const { rows } = await ledger.db.ownerPool.query(
    `WITH recorded AS (
       SELECT e.global_position, l.n::integer AS ordinal, l.x->>'lineId' AS line_id, l.x->'line' AS k, (l.x->>'delta')::numeric AS delta
         FROM events e, jsonb_array_elements(e.data->'lines') WITH ORDINALITY AS l(x, n)
        WHERE e.type IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved'))
     SELECT (SELECT count(*) FROM recorded)::int AS recorded, (SELECT count(*) FROM postings)::int AS postings,
            count(*) FILTER (WHERE p.line_id IS DISTINCT FROM r.line_id OR p.unit_code IS DISTINCT FROM r.k->>'unitCode'
              OR p.fiscal_year IS DISTINCT FROM (r.k->>'fiscalYear')::integer OR p.fund_source IS DISTINCT FROM r.k->>'fundSource'
              OR p.functional_code IS DISTINCT FROM r.k->>'functionalCode' OR p.kind IS DISTINCT FROM r.k->>'kind'
              OR p.dept_econ_code IS DISTINCT FROM r.k->>'deptEconCode' OR p.gov_econ_code IS DISTINCT FROM r.k->>'govEconCode'
              OR p.project_code IS DISTINCT FROM r.k->>'projectCode' OR p.origin IS DISTINCT FROM r.k->>'origin'
              OR p.delta IS DISTINCT FROM r.delta)::int AS differ,
            count(p.line_id)::int AS matched
       FROM recorded r LEFT JOIN postings p ON p.global_position = r.global_position AND p.ordinal = r.ordinal`,
  );
  expect(rows[0].recorded).toBeGreaterThan(40);
  expect(rows[0]).toEqual({ recorded: rows[0].recorded, postings: rows[0].recorded, matched: rows[0].recorded, differ: 0 });
});

test('a project code of any text survives the lineId: ledger_uri_decode inverts encodeURIComponent', async () => {
  // Well-formed Unicode only: encodeURIComponent refuses lone surrogates, and so does a line id.
  const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }).filter((s) => !s.includes('\u0000'));
  await fc.assert(
    fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 20 }), async (codes) => {
      const { rows } = await ledger.db.appPool.query<{ decoded: string[] }>(
        'SELECT array_agg(ledger_uri_decode(c) ORDER BY n) AS decoded FROM unnest($1::text[]) WITH ORDINALITY AS u(c, n)',
        [codes.map(encodeURIComponent)],
      );
      expect(rows[0]!.decoded).toEqual(codes);
    }),
    { numRuns: 50 },
  );
});
