-- Why: cheaper appends, same results — the canonical bytes built by concatenation (byte for byte what 0001 built), one expectation test shared with the store's single-event statement, no subquery evaluated when the ids are fresh, and a trigger condition that is quick to load.
-- Up Migration

-- The same canonical byte form as 0001 (it is the hash's definition and must never change), built
-- without materialising a jsonb array first: jsonb_build_array copies `data` and `metadata` into a
-- new jsonb value only to print it again. Its text form is '[' elements joined by ', ' ']', each
-- element printed as jsonb prints it: numbers as digits, strings through the JSON escaper
-- (to_json(text) uses the same one), objects as their own ::text. A test checks that both forms agree
-- on every event of a seeded ledger and on generated strings (tests/int/event-store.bytes.test.ts).
CREATE OR REPLACE FUNCTION ledger_event_bytes(
  p_global_position bigint, p_stream_id text, p_stream_version bigint, p_event_id uuid,
  p_type text, p_schema_version integer, p_data jsonb, p_metadata jsonb,
  p_recorded_at timestamptz, p_effective_date date
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT convert_to('[' || p_global_position::text || ', ' || to_json(p_stream_id)::text || ', '
    || p_stream_version::text || ', "' || p_event_id::text || '", ' || to_json(p_type)::text || ', '
    || p_schema_version::text || ', ' || p_data::text || ', ' || p_metadata::text || ', "'
    || to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '", '
    || coalesce('"' || to_char(p_effective_date, 'YYYY-MM-DD') || '"', 'null') || ']', 'UTF8')
$$;

-- Does a stream at version p_actual meet the writer's expectation? One definition for
-- ledger_append and for the event store's single-event statement (src/events/event-store.ts).
CREATE FUNCTION ledger_expected_holds(p_kind text, p_expected bigint, p_actual bigint) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p_kind WHEN 'any' THEN true
                     WHEN 'no_stream' THEN p_actual = 0
                     WHEN 'stream_exists' THEN p_actual <> 0
                     WHEN 'exact' THEN p_actual IS NOT DISTINCT FROM p_expected
                     ELSE false END
$$;

-- ledger_append as in 0001, with the expectation test above, the idempotency lookup's condition
-- split, no per-call initial values, and the hash chain in one array (see below).
CREATE OR REPLACE FUNCTION ledger_append(
  p_stream_id text, p_expected_kind text, p_expected_version bigint,
  p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_data jsonb[],
  p_metadata jsonb[], p_effective_dates date[], p_ids_may_exist boolean DEFAULT true
) RETURNS TABLE (global_position bigint, stream_version bigint, recorded_at timestamptz,
                 hash bytea, already_recorded boolean)
LANGUAGE plpgsql AS $$
DECLARE
  n          integer := cardinality(p_event_ids);
  v_version  bigint;
  v_head     bytea;
  v_head_tx  xid8;
  v_found    integer;
  v_mismatch uuid;
  -- No initial values: each would be an expression evaluated (and, in a new transaction, compiled)
  -- on every call. The loop assigns them.
  v_positions bigint[];
  v_at        timestamptz;
  v_chain     bytea[];
BEGIN
  IF n IS NULL OR n = 0 THEN
    RAISE EXCEPTION 'ledger_append: no events' USING ERRCODE = '22023';
  END IF;
  IF cardinality(p_types) <> n OR cardinality(p_schema_versions) <> n OR cardinality(p_data) <> n
     OR cardinality(p_metadata) <> n OR cardinality(p_effective_dates) <> n THEN
    RAISE EXCEPTION 'ledger_append: argument arrays differ in length' USING ERRCODE = '22023';
  END IF;
  IF p_expected_kind NOT IN ('any', 'no_stream', 'stream_exists', 'exact') THEN
    RAISE EXCEPTION 'unknown expected-version kind %', p_expected_kind USING ERRCODE = '22023';
  END IF;

  -- Idempotency: all ids known with the same payload → return the original rows, write
  -- nothing. Payload = stream, type, schema version, data and effective date; metadata (who
  -- retried, the retry's correlation id) may legitimately differ between retries.
  -- p_ids_may_exist = false says the ids were just generated (random v4 UUIDs the caller never
  -- sent before), so the lookup is skipped; the unique index on event_id still guards them.
  -- Two IFs, not one `AND`: plpgsql runs a condition holding a subquery through the executor
  -- every time, even when p_ids_may_exist is false; alone, the flag is a cheap simple expression.
  IF p_ids_may_exist THEN
  IF EXISTS (SELECT 1 FROM events e WHERE e.event_id = ANY (p_event_ids)) THEN
    SELECT count(*), (array_agg(t.id) FILTER (WHERE e.stream_id <> p_stream_id OR e.type <> t.type
             OR e.schema_version <> t.sv OR e.data <> t.data
             OR e.effective_date IS DISTINCT FROM t.eff))[1]
      INTO v_found, v_mismatch
      FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_effective_dates)
             AS t(id, type, sv, data, eff)
      JOIN events e ON e.event_id = t.id;
    IF v_mismatch IS NOT NULL THEN
      RAISE EXCEPTION 'event % was already recorded with a different payload', v_mismatch
        USING ERRCODE = 'BL002', DETAIL = v_mismatch::text;
    END IF;
    IF v_found <> n THEN
      SELECT t.id INTO v_mismatch FROM unnest(p_event_ids) AS t(id)
        JOIN events e ON e.event_id = t.id LIMIT 1;
      RAISE EXCEPTION 'event % was already recorded in another append', v_mismatch
        USING ERRCODE = 'BL002', DETAIL = v_mismatch::text;
    END IF;
    RETURN QUERY
      SELECT e.global_position, e.stream_version, e.recorded_at, e.hash, true
        FROM unnest(p_event_ids) WITH ORDINALITY AS t(id, ord)
        JOIN events e ON e.event_id = t.id ORDER BY t.ord;
    RETURN;
  END IF;
  END IF;

  SELECT e.stream_version, e.hash, e.transaction_id INTO v_version, v_head, v_head_tx
    FROM events e WHERE e.stream_id = p_stream_id ORDER BY e.stream_version DESC LIMIT 1;
  v_version := coalesce(v_version, 0);
  v_head := coalesce(v_head, ledger_genesis_hash());

  IF NOT ledger_expected_holds(p_expected_kind, p_expected_version, v_version) THEN
    RAISE EXCEPTION 'stream % is at version %, expected %', p_stream_id, v_version,
        CASE p_expected_kind WHEN 'exact' THEN p_expected_version::text ELSE p_expected_kind END
      USING ERRCODE = 'BL001', DETAIL = v_version::text;
  END IF;

  -- Readers order the log by (transaction_id, global_position), so version v+1 must not get a
  -- smaller transaction id than version v. Called as one statement, our xid is assigned by the
  -- INSERT below, after the head's transaction committed, so it is larger; but inside a longer
  -- transaction that wrote before, it may be older. Refuse that case as a serialisation failure;
  -- the caller retries in a new transaction, whose xid is newer.
  IF v_head_tx IS NOT NULL AND v_head_tx > pg_current_xact_id() THEN
    RAISE EXCEPTION 'stream % was advanced by a younger transaction; retry', p_stream_id
      USING ERRCODE = '40001';
  END IF;

  -- The events of one append are recorded at one instant. Per-event work is kept to the hash
  -- chain itself, one plpgsql assignment per event (each query would cost a plan execution);
  -- positions for a batch come from one query. v_chain holds the head's hash then each event's:
  -- event i's prev_hash is v_chain[i] and its hash v_chain[i + 1].
  v_at := clock_timestamp();
  IF n = 1 THEN
    v_positions := ARRAY[nextval('events_global_position_seq')];
  ELSE
    v_positions := ARRAY(SELECT nextval('events_global_position_seq') FROM generate_series(1, n));
  END IF;
  v_chain := ARRAY[v_head];
  FOR i IN 1..n LOOP
    v_chain[i + 1] := ledger_event_hash(v_chain[i], v_positions[i], p_stream_id, v_version + i,
                                        p_event_ids[i], p_types[i], p_schema_versions[i], p_data[i],
                                        p_metadata[i], v_at, p_effective_dates[i]);
  END LOOP;

  RETURN QUERY
    INSERT INTO events AS e (global_position, stream_id, stream_version, event_id, type,
                             schema_version, data, metadata, recorded_at, effective_date, prev_hash, hash)
    SELECT t.pos, p_stream_id, v_version + t.ord, t.id, t.type, t.sv, t.data, t.meta, v_at, t.eff,
           t.prev, t.hash
      FROM unnest(v_positions, p_event_ids, p_types, p_schema_versions, p_data, p_metadata,
                  p_effective_dates, v_chain[1:n], v_chain[2:n + 1])
           WITH ORDINALITY AS t(pos, id, type, sv, data, meta, eff, prev, hash, ord)
    RETURNING e.global_position, e.stream_version, e.recorded_at, e.hash, false;
END
$$;

-- The projection trigger's condition is re-read from the catalogue (a node tree in text) by every
-- INSERT statement; an IN list is thirteen constant nodes to parse, one array literal is one.
DROP TRIGGER events_project ON events;
CREATE TRIGGER events_project AFTER INSERT ON events FOR EACH ROW
  WHEN (NEW.type = ANY ('{InitialBudgetAllocated,CarryOverRecorded,AdjustmentApproved,BudgetUnitRegistered,FiscalYearOpened,ProjectRegistered,ProcurementBudgetRecorded,StateAssetsRecorded,DisclosurePublished,FiscalYearClosed,PerformanceTargetsSet,PerformanceTargetsRevised,PerformanceTargetsWithdrawn}'::text[]))
  EXECUTE FUNCTION ledger_project_event();
