-- Why: a bulk event (an import's 1,000-line allocation) gets one indexed read-model row instead of one per line, its lines read from the event itself; small events keep their per-line rows, which are faster to read.
-- Up Migration

-- Measured before this change (BENCHMARKS.md, "line-item import"): writing 100,000 postings rows
-- with their three indexes cost ~1.5 s, ten times a COPY of the same rows, inside the importing
-- transaction. The lines were already in the event (data->'lines', each with its lineId and
-- delta); the postings rows only repeated them. Reading lines back out of the events costs more
-- per event than an indexed row does (~5 µs: an index probe into events and a jsonb), which
-- for a unit-year of 10,000 one-line events made an as-of disclosure ~3× slower (bench:disclosure).
-- So each line-changing event is projected one of two ways, by its size:
--   line_postings  one row per line (the old postings table, renamed), for events of at most
--                  100 lines: every adjustment and ordinary allocation;
--   posting_sets   one row per event, for larger ones (bulk imports): where and when (unit-year,
--                  log order key, recorded_at, effective_date), indexed like line_postings; the
--                  lines are unnested from the event when read;
--   postings       a view with the columns (and the name) of the old table over both, so every
--                  read keeps its SQL and its AsOf predicate, whose bounds reach both tables'
--                  indexes before any line is unnested.
-- Both take a line's key from the event: from the key stored with each line at schema version 1,
-- from its lineId at version 2, which stores only that (src/domain/budget/line.ts: unit|year|
-- fund|functional|kind|deptEcon|govEcon|project|origin, project URI-encoded, "-" for none).

-- decodeURIComponent of the lineId's project field. Free text, so any UTF-8 may be %-encoded.
CREATE FUNCTION ledger_uri_decode(p text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN strpos(p, '%') = 0 THEN p ELSE (
    SELECT convert_from(string_agg(CASE WHEN m[1] IS NOT NULL THEN decode(substr(m[1], 2), 'hex')
                                        ELSE convert_to(m[2], 'UTF8') END, ''::bytea ORDER BY n), 'UTF8')
      FROM regexp_matches(p, '(%[0-9A-Fa-f]{2})|([^%]+)', 'g') WITH ORDINALITY AS r(m, n)) END
$$;

DROP TRIGGER events_project ON events;
DROP FUNCTION ledger_project_event();
DROP FUNCTION ledger_postings_of(events);
ALTER TABLE postings RENAME TO line_postings;
ALTER TABLE line_postings RENAME CONSTRAINT postings_pkey TO line_postings_pkey;
ALTER INDEX postings_unit_year_order RENAME TO line_postings_unit_year_order;
ALTER INDEX postings_line RENAME TO line_postings_line;

-- The lines of a line-changing event, as line_postings rows (none for any other event). Used by
-- the trigger, by rebuild and by the postings view: one definition. A line stored with its key
-- (schema version 1) is read from that key, as the old postings were; otherwise from its lineId.
CREATE FUNCTION ledger_lines_of(e events) RETURNS SETOF line_postings
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
    FROM (SELECT x->>'lineId' AS id, x->'line' AS key, (x->>'delta')::numeric(20, 2) AS delta, n
            FROM jsonb_array_elements(CASE WHEN e.type IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved')
                                           THEN e.data->'lines' ELSE '[]'::jsonb END) WITH ORDINALITY AS j(x, n)) l,
         string_to_array(l.id, '|') AS k
$$;

-- Up to this many lines an event gets per-line rows; beyond, one posting set.
CREATE FUNCTION ledger_inline_lines() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 100';

CREATE TABLE posting_sets (
  global_position bigint PRIMARY KEY,
  transaction_id  xid8 NOT NULL,
  stream_id       text NOT NULL,
  event_type      text NOT NULL,
  recorded_at     timestamptz NOT NULL,
  effective_date  date,
  unit_code       text NOT NULL,
  fiscal_year     integer NOT NULL,
  line_count      integer NOT NULL
);
CREATE INDEX posting_sets_unit_year_order ON posting_sets (fiscal_year, unit_code, transaction_id, global_position);

-- The posting set of an event with more lines than ledger_inline_lines(), else none. Budget
-- streams are `budget-<unit>-<year>` (src/domain/streams.ts); the domain writes line-changing
-- events nowhere else.
CREATE FUNCTION ledger_posting_set_of(e events) RETURNS SETOF posting_sets
LANGUAGE sql STABLE AS $$
  SELECT e.global_position, e.transaction_id, e.stream_id, e.type, e.recorded_at, e.effective_date,
         s[1], s[2]::integer, jsonb_array_length(e.data->'lines')
    FROM regexp_match(e.stream_id, '^budget-(.+)-(\d{4})$') AS s
   WHERE e.type IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved')
     AND s IS NOT NULL AND jsonb_array_length(e.data->'lines') > ledger_inline_lines()
$$;

-- The per-line rows of an event with at most ledger_inline_lines() lines, else none.
CREATE FUNCTION ledger_line_postings_of(e events) RETURNS SETOF line_postings
LANGUAGE sql STABLE AS $$
  SELECT * FROM ledger_lines_of(e)
   WHERE e.type NOT IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved')
      OR jsonb_array_length(e.data->'lines') <= ledger_inline_lines()
$$;

-- The set branch takes where and when from posting_sets, so that the readers' predicates on
-- unit, year and log order are answered by its index before the event is read.
CREATE VIEW postings AS
  SELECT * FROM line_postings
  UNION ALL
  SELECT s.global_position, l.ordinal, s.transaction_id, s.stream_id, s.event_type, s.recorded_at,
         s.effective_date, l.line_id, s.unit_code, s.fiscal_year, l.fund_source, l.functional_code, l.kind,
         l.dept_econ_code, l.gov_econ_code, l.project_code, l.origin, l.delta
    FROM posting_sets s
    JOIN events e ON e.global_position = s.global_position
   CROSS JOIN LATERAL ledger_lines_of(e) AS l;

-- The same functions as rebuild, minus those that yield nothing for the event's type and size
-- (asking each would unnest a bulk event's lines only to filter them all out).
CREATE FUNCTION ledger_project_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.type IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved') THEN
    IF jsonb_array_length(NEW.data->'lines') > ledger_inline_lines() THEN
      INSERT INTO posting_sets SELECT * FROM ledger_posting_set_of(NEW);
    ELSE
      INSERT INTO line_postings SELECT * FROM ledger_line_postings_of(NEW);
    END IF;
  ELSE
    INSERT INTO fact_versions SELECT * FROM ledger_facts_of(NEW);
  END IF;
  RETURN NULL;
END
$$;

-- Same transaction as the event, as before: a reader never sees an event without its postings.
CREATE TRIGGER events_project AFTER INSERT ON events FOR EACH ROW
  WHEN (NEW.type = ANY ('{InitialBudgetAllocated,CarryOverRecorded,AdjustmentApproved,BudgetUnitRegistered,FiscalYearOpened,ProjectRegistered,ProcurementBudgetRecorded,StateAssetsRecorded,DisclosurePublished,FiscalYearClosed,PerformanceTargetsSet,PerformanceTargetsRevised,PerformanceTargetsWithdrawn}'::text[]))
  EXECUTE FUNCTION ledger_project_event();

-- Existing ledgers: events of more than 100 lines move from per-line rows to a posting set.
INSERT INTO posting_sets SELECT x.* FROM events e, LATERAL ledger_posting_set_of(e) x;
DELETE FROM line_postings p USING posting_sets s WHERE p.global_position = s.global_position;

-- Event data is compressed with lz4 where the server has it (PostgreSQL 14+ built --with-lz4):
-- a bulk allocation's ~100 KB of JSON is compressed once, on insert, and lz4 did that in less
-- than half of pglz's time (100 events of 1,000 lines: 0.32 s → 0.20 s to append, measured
-- with ledger_append). Values already stored keep their compression; reads handle both. A dump
-- records the column's compression: to restore into a server built without lz4, dump with
-- `pg_dump --no-toast-compression`.
DO $$
BEGIN
  ALTER TABLE events ALTER COLUMN data SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available: event data stays pglz-compressed';
END
$$;

-- line_postings keeps the grants it had as postings.
GRANT SELECT, INSERT ON posting_sets TO budget_ledger_app;
GRANT SELECT ON postings TO budget_ledger_app;
