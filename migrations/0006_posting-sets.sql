-- Why: one indexed read-model row per line-changing event instead of one per line; the lines are read from the event itself, so a 100,000-line import writes 100 small rows, not 100,000 indexed ones.
-- Up Migration

-- Measured before this change (BENCHMARKS.md, "line-item import"): writing 100,000 postings rows
-- with their three indexes cost ~1.5 s, ten times a COPY of the same rows, in the importing
-- transaction. The lines were already in the event (data->'lines', each with its lineId and
-- delta); the postings table only repeated them. Now:
--   posting_sets  one row per line-changing event: where and when (unit-year, log order key,
--                 recorded_at, effective_date), indexed like postings was for its reads;
--   postings      a view with the columns (and the name) of the old table, one row per line,
--                 unnesting the event's lines; every read keeps its SQL and its AsOf predicate,
--                 whose bounds apply to posting_sets before any line is unnested.
-- The line key's columns come from the lineId (src/domain/budget/line.ts lineId: unit|year|fund|
-- functional|kind|deptEcon|govEcon|project|origin, project URI-encoded, "-" for none), which is
-- what the line key of every line-changing event encodes, whatever the event's schema version.

-- decodeURIComponent of the lineId's project field. Free text, so any UTF-8 may be %-encoded.
CREATE FUNCTION ledger_uri_decode(p text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN strpos(p, '%') = 0 THEN p ELSE (
    SELECT convert_from(string_agg(CASE WHEN m[1] IS NOT NULL THEN decode(substr(m[1], 2), 'hex')
                                        ELSE convert_to(m[2], 'UTF8') END, ''::bytea ORDER BY n), 'UTF8')
      FROM regexp_matches(p, '(%[0-9A-Fa-f]{2})|([^%]+)', 'g') WITH ORDINALITY AS r(m, n)) END
$$;

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
-- As-of reads: unit-year, then the log order key (what postings_unit_year_order was).
CREATE INDEX posting_sets_unit_year_order ON posting_sets (fiscal_year, unit_code, transaction_id, global_position);

-- The posting set an event makes (none for an event without lines). Budget streams are
-- `budget-<unit>-<year>` (src/domain/streams.ts). Used by the trigger and by rebuild: one definition.
CREATE FUNCTION ledger_posting_set_of(e events) RETURNS SETOF posting_sets
LANGUAGE sql STABLE AS $$
  SELECT e.global_position, e.transaction_id, e.stream_id, e.type, e.recorded_at, e.effective_date,
         s[1], s[2]::integer, jsonb_array_length(e.data->'lines')
    FROM regexp_match(e.stream_id, '^budget-(.+)-(\d{4})$') AS s
   WHERE e.type IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved')
     AND s IS NOT NULL AND jsonb_array_length(e.data->'lines') > 0
$$;

DROP TRIGGER events_project ON events;
DROP FUNCTION ledger_project_event();
DROP FUNCTION ledger_postings_of(events);
DROP TABLE postings;

CREATE VIEW postings AS
  SELECT s.global_position, l.ordinal::integer AS ordinal, s.transaction_id, s.stream_id, s.event_type,
         s.recorded_at, s.effective_date, l.line_id, s.unit_code, s.fiscal_year,
         k[3] AS fund_source, k[4] AS functional_code, k[5] AS kind, k[6] AS dept_econ_code,
         k[7] AS gov_econ_code, CASE WHEN k[8] = '-' THEN NULL ELSE ledger_uri_decode(k[8]) END AS project_code,
         k[9] AS origin, l.delta
    FROM posting_sets s
    JOIN events e ON e.global_position = s.global_position
   CROSS JOIN LATERAL (SELECT x->>'lineId' AS line_id, (x->>'delta')::numeric(20, 2) AS delta, n AS ordinal
                         FROM jsonb_array_elements(e.data->'lines') WITH ORDINALITY AS j(x, n)) l
   CROSS JOIN LATERAL string_to_array(l.line_id, '|') AS k;

CREATE FUNCTION ledger_project_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO posting_sets SELECT * FROM ledger_posting_set_of(NEW);
  INSERT INTO fact_versions SELECT * FROM ledger_facts_of(NEW);
  RETURN NULL;
END
$$;

-- Same transaction as the event, as before: a reader never sees an event without its postings.
CREATE TRIGGER events_project AFTER INSERT ON events FOR EACH ROW
  WHEN (NEW.type = ANY ('{InitialBudgetAllocated,CarryOverRecorded,AdjustmentApproved,BudgetUnitRegistered,FiscalYearOpened,ProjectRegistered,ProcurementBudgetRecorded,StateAssetsRecorded,DisclosurePublished,FiscalYearClosed,PerformanceTargetsSet,PerformanceTargetsRevised,PerformanceTargetsWithdrawn}'::text[]))
  EXECUTE FUNCTION ledger_project_event();

INSERT INTO posting_sets SELECT x.* FROM events e, LATERAL ledger_posting_set_of(e) x;

GRANT SELECT, INSERT ON posting_sets TO budget_ledger_app;
GRANT SELECT ON postings TO budget_ledger_app;
