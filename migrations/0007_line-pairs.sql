-- Why: line-changing events are now stored at schema version 3, each line as the pair [lineId, delta] (src/domain/budget/schema.ts); the postings read model reads that form beside versions 1 and 2.
-- Up Migration

-- Version 3 carries the same two values as version 2 without their keys in every line: for an
-- import's 1,000-line allocation a sixth fewer bytes, and a jsonb array of pairs is cheaper for
-- the server to parse, print for the hash and store than an array of objects (BENCHMARKS.md,
-- "line-item import"). Events already written keep their version and are read as before.
-- Same signature and row type as 0006's, so the postings view and ledger_line_postings_of,
-- which call it, need no change; rebuild reads through it too.
CREATE OR REPLACE FUNCTION ledger_lines_of(e events) RETURNS SETOF line_postings
LANGUAGE sql STABLE AS $$
  SELECT e.global_position, l.n::integer, e.transaction_id, e.stream_id, e.type, e.recorded_at,
         e.effective_date, l.id,
         CASE WHEN l.key IS NULL THEN k[1] ELSE l.key->>'unitCode' END,
         CASE WHEN l.key IS NULL THEN k[2] ELSE l.key->>'fiscalYear' END::integer,
         CASE WHEN l.key IS NULL THEN k[3] ELSE l.key->>'fundSource' END,
         CASE WHEN l.key IS NULL THEN k[4] ELSE l.key->>'functionalCode' END,
         CASE WHEN l.key IS NULL THEN k[5] ELSE l.key->>'kind' END,
         CASE WHEN l.key IS NULL THEN k[6] ELSE l.key->>'deptEconCode' END,
         CASE WHEN l.key IS NULL THEN k[7] ELSE l.key->>'govEconCode' END,
         CASE WHEN l.key IS NOT NULL THEN l.key->>'projectCode' WHEN k[8] = '-' THEN NULL
              WHEN strpos(k[8], '%') = 0 THEN k[8] ELSE ledger_uri_decode(k[8]) END,
         CASE WHEN l.key IS NULL THEN k[9] ELSE l.key->>'origin' END,
         l.delta
    FROM (SELECT CASE WHEN e.schema_version >= 3 THEN x->>0 ELSE x->>'lineId' END AS id,
                 CASE WHEN e.schema_version >= 3 THEN NULL ELSE x->'line' END AS key,
                 (CASE WHEN e.schema_version >= 3 THEN x->>1 ELSE x->>'delta' END)::numeric(20, 2) AS delta, n
            FROM jsonb_array_elements(CASE WHEN e.type IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved')
                                           THEN e.data->'lines' ELSE '[]'::jsonb END) WITH ORDINALITY AS j(x, n)) l,
         string_to_array(l.id, '|') AS k
$$;
