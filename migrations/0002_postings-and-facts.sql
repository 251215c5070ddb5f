-- Why: time travel without replay — append-only read models (line postings, fact versions) written by trigger in the events' own transaction, rebuildable from the log by the same functions.
-- Up Migration

-- One row per budget-line change. The budget of a unit-year at any point is one indexed
-- GROUP BY over this table with a bound on the log order key (what the ledger held at a
-- position), on recorded_at (what it knew at an instant) or on effective_date (what was in
-- force on a business date).
CREATE TABLE postings (
  global_position bigint NOT NULL,
  ordinal         integer NOT NULL,
  transaction_id  xid8 NOT NULL,
  stream_id       text NOT NULL,
  event_type      text NOT NULL,
  recorded_at     timestamptz NOT NULL,
  effective_date  date,
  line_id         text NOT NULL,
  unit_code       text NOT NULL,
  fiscal_year     integer NOT NULL,
  fund_source     text NOT NULL,
  functional_code text NOT NULL,
  kind            text NOT NULL,
  dept_econ_code  text NOT NULL,
  gov_econ_code   text NOT NULL,
  project_code    text,
  origin          text NOT NULL,
  delta           numeric(20, 2) NOT NULL,
  PRIMARY KEY (global_position, ordinal)
);
-- As-of-position reads: unit-year, then the log order key.
CREATE INDEX postings_unit_year_order ON postings (fiscal_year, unit_code, transaction_id, global_position);
CREATE INDEX postings_line ON postings (line_id, transaction_id, global_position);

-- One row per change of a non-line fact (a project, a performance-target form, the procurement
-- budget, state assets, the year's opening figures, a publication, the year's closing, a unit's
-- registration). The value of a fact at a point is its latest version at or before it.
CREATE TABLE fact_versions (
  global_position bigint NOT NULL,
  transaction_id  xid8 NOT NULL,
  stream_id       text NOT NULL,
  event_type      text NOT NULL,
  recorded_at     timestamptz NOT NULL,
  effective_date  date,
  unit_code       text NOT NULL,
  fiscal_year     integer,            -- null for facts that outlive a year (unit registration)
  fact            text NOT NULL,      -- 'unit' | 'year' | 'project' | 'targets' | 'procurement' | 'assets' | 'publication' | 'closing'
  fact_key        text NOT NULL,      -- which one: project code, form id, '' for singletons
  payload         jsonb,              -- null = the fact was withdrawn at this version
  PRIMARY KEY (global_position, fact, fact_key)
);
CREATE INDEX fact_versions_unit_year ON fact_versions (fiscal_year, unit_code, fact, fact_key, transaction_id, global_position);
CREATE INDEX fact_versions_unit ON fact_versions (unit_code, fact, transaction_id, global_position);

-- The postings an event makes. Event shapes are those of src/domain/budget/events.ts at schema
-- version 1 (each line-changing event carries `lines: [{ lineId, line, delta }]`); a later
-- schema version is upcast here. Used by the trigger and by rebuild: one definition.
CREATE FUNCTION ledger_postings_of(e events) RETURNS SETOF postings
LANGUAGE sql STABLE AS $$
  SELECT e.global_position, l.ord::integer, e.transaction_id, e.stream_id, e.type, e.recorded_at,
         e.effective_date, l.item->>'lineId', l.item->'line'->>'unitCode',
         (l.item->'line'->>'fiscalYear')::integer, l.item->'line'->>'fundSource',
         l.item->'line'->>'functionalCode', l.item->'line'->>'kind', l.item->'line'->>'deptEconCode',
         l.item->'line'->>'govEconCode', l.item->'line'->>'projectCode', l.item->'line'->>'origin',
         (l.item->>'delta')::numeric(20, 2)
    FROM jsonb_array_elements(CASE WHEN e.type IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved')
                                   THEN e.data->'lines' ELSE '[]'::jsonb END) WITH ORDINALITY AS l(item, ord)
$$;

-- The fact versions an event makes. Budget streams are `budget-<unit>-<year>`, unit streams
-- `unit-<unit>` (src/domain/streams.ts).
CREATE FUNCTION ledger_facts_of(e events) RETURNS SETOF fact_versions
LANGUAGE sql STABLE AS $$
  WITH s AS (
    SELECT (regexp_match(e.stream_id, '^budget-(.+)-(\d{4})$')) AS b,
           (regexp_match(e.stream_id, '^unit-(.+)$')) AS u
  ), f(fact, fact_key, payload) AS (
    SELECT * FROM (VALUES
      ('unit', '', CASE WHEN e.type = 'BudgetUnitRegistered' THEN e.data END),
      ('year', '', CASE WHEN e.type = 'FiscalYearOpened' THEN e.data END),
      ('project', e.data->'project'->>'code', CASE WHEN e.type = 'ProjectRegistered' THEN e.data->'project' END),
      ('procurement', '', CASE WHEN e.type = 'ProcurementBudgetRecorded' THEN e.data END),
      ('assets', '', CASE WHEN e.type = 'StateAssetsRecorded' THEN e.data END),
      ('publication', '', CASE WHEN e.type = 'DisclosurePublished' THEN e.data END),
      ('closing', '', CASE WHEN e.type = 'FiscalYearClosed' THEN e.data END)
    ) v(fact, fact_key, payload)
    WHERE v.payload IS NOT NULL
    UNION ALL
    -- A target form's versions: set and revised carry the whole form; withdrawn is a null version.
    SELECT 'targets', e.data->>'formId',
           CASE WHEN e.type = 'PerformanceTargetsWithdrawn' THEN NULL ELSE e.data END
     WHERE e.type IN ('PerformanceTargetsSet', 'PerformanceTargetsRevised', 'PerformanceTargetsWithdrawn')
  )
  SELECT e.global_position, e.transaction_id, e.stream_id, e.type, e.recorded_at, e.effective_date,
         coalesce(s.b[1], s.u[1]), s.b[2]::integer, f.fact, f.fact_key, f.payload
    FROM s, f
   WHERE s.b IS NOT NULL OR s.u IS NOT NULL
$$;

CREATE FUNCTION ledger_project_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO postings SELECT * FROM ledger_postings_of(NEW);
  INSERT INTO fact_versions SELECT * FROM ledger_facts_of(NEW);
  RETURN NULL;
END
$$;

-- Same transaction as the event: a reader never sees an event without its postings. Only the
-- domain's event types pay for it.
CREATE TRIGGER events_project AFTER INSERT ON events FOR EACH ROW
  WHEN (NEW.type IN ('InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved',
                     'BudgetUnitRegistered', 'FiscalYearOpened', 'ProjectRegistered',
                     'ProcurementBudgetRecorded', 'StateAssetsRecorded', 'DisclosurePublished',
                     'FiscalYearClosed', 'PerformanceTargetsSet', 'PerformanceTargetsRevised',
                     'PerformanceTargetsWithdrawn'))
  EXECUTE FUNCTION ledger_project_event();

GRANT SELECT, INSERT ON postings, fact_versions TO budget_ledger_app;
