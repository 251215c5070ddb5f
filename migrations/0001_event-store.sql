-- Why: the immutable, hash-chained event log every budget fact lives in, with its append, hash and stream-head functions.
-- Up Migration

-- The service's role. Nologin: the service logs in as whatever DATABASE_URL says and then
-- SET ROLE to this one, so that even a superuser connection string writes with only the
-- privileges granted below. Roles are cluster-wide, hence the existence check.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'budget_ledger_app') THEN
    CREATE ROLE budget_ledger_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  -- another database of the same cluster created it concurrently
  NULL;
END
$$;

CREATE SEQUENCE events_global_position_seq AS bigint;

CREATE TABLE events (
  global_position bigint PRIMARY KEY DEFAULT nextval('events_global_position_seq'),
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text NOT NULL,
  stream_version  bigint NOT NULL CHECK (stream_version >= 1),
  event_id        uuid NOT NULL UNIQUE,
  type            text NOT NULL CHECK (type <> ''),
  schema_version  integer NOT NULL DEFAULT 1 CHECK (schema_version >= 1),
  data            jsonb NOT NULL,
  metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
  recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  effective_date  date,
  prev_hash       bytea NOT NULL,
  hash            bytea NOT NULL,
  UNIQUE (stream_id, stream_version)
);
ALTER SEQUENCE events_global_position_seq OWNED BY events.global_position;

-- The catch-up readers' order key: (transaction_id, global_position). Positions are taken at
-- insert but become visible at commit, so position order alone lets a reader skip a slow
-- transaction's events; see ledger_append and src/events/read.ts.
CREATE INDEX events_log_order ON events (transaction_id, global_position);

-- Stream heads: each stream's current version and head hash. A view, not a table: the head is
-- the stream's last event, one probe of the (stream_id, stream_version) index away, and storing
-- it again would double the writes of every append (an UPDATE of the head row beside each
-- INSERT) for no information the log does not already hold. Appends are serialised per stream
-- by that same unique index (see ledger_append).
CREATE VIEW streams AS
  SELECT DISTINCT ON (e.stream_id) e.stream_id, e.stream_version AS version, e.hash AS head_hash,
         e.global_position AS head_position, e.transaction_id AS head_transaction_id,
         e.recorded_at AS updated_at
    FROM events e
   ORDER BY e.stream_id, e.stream_version DESC;

-- Canonical byte form of an event, defined once, here. Everything that hashes an event (append,
-- verify, digest re-checks) calls this function; no second implementation exists in TypeScript.
--   bytes = UTF-8 of jsonb_build_array(global_position, stream_id, stream_version, event_id,
--           type, schema_version, data, metadata, recorded_at as UTC ISO-8601 with microseconds,
--           effective_date as YYYY-MM-DD or null)::text
-- jsonb's text form is canonical: keys are sorted, duplicate keys removed, whitespace fixed.
-- Strings are NFC-normalised before they reach the database (src/events/canonical.ts), so the
-- same text typed two ways has one byte form.
CREATE FUNCTION ledger_event_bytes(
  p_global_position bigint, p_stream_id text, p_stream_version bigint, p_event_id uuid,
  p_type text, p_schema_version integer, p_data jsonb, p_metadata jsonb,
  p_recorded_at timestamptz, p_effective_date date
) RETURNS bytea
-- STABLE, not IMMUTABLE: to_char is locale-aware in general (not for the patterns used here).
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT convert_to(jsonb_build_array(
    p_global_position, p_stream_id, p_stream_version, p_event_id::text, p_type, p_schema_version,
    p_data, p_metadata,
    to_char(p_recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    to_char(p_effective_date, 'YYYY-MM-DD')
  )::text, 'UTF8')
$$;

-- hash = SHA-256(previous hash of the stream ‖ canonical bytes). The first event of a stream
-- chains to 32 zero bytes.
CREATE FUNCTION ledger_event_hash(
  p_prev_hash bytea, p_global_position bigint, p_stream_id text, p_stream_version bigint,
  p_event_id uuid, p_type text, p_schema_version integer, p_data jsonb, p_metadata jsonb,
  p_recorded_at timestamptz, p_effective_date date
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sha256(p_prev_hash || ledger_event_bytes(p_global_position, p_stream_id, p_stream_version,
    p_event_id, p_type, p_schema_version, p_data, p_metadata, p_recorded_at, p_effective_date))
$$;

CREATE FUNCTION ledger_genesis_hash() RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea $$;

-- Appends events to one stream in one statement (one round trip, one transaction).
-- p_expected_kind: 'any' | 'no_stream' | 'stream_exists' | 'exact' (with p_expected_version).
-- Errors (SQLSTATE): BL001 concurrency conflict, DETAIL = actual version;
--                    BL002 an event id already recorded with another payload, DETAIL = event id;
--                    40001, or 23505 on events_stream_id_stream_version_key: lost a race for the
--                    stream head; the caller retries the statement (src/events/event-store.ts).
--
-- Concurrency: optimistic, on the stream's last event. We read the head (the last version and its
-- hash) without locking, chain the new events onto it and insert them at versions v+1…v+n. Two
-- appenders racing for the same stream both try to insert version v+1: the unique index on
-- (stream_id, stream_version) makes the second wait for the first to commit and then fail, so
-- versions are gap-free and the chain is linear, and an uncontended append writes nothing but its
-- events. The loser retries from the new head, where its expected version is checked again.
CREATE FUNCTION ledger_append(
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
  v_positions bigint[] := '{}';
  v_at        timestamptz;
  v_hashes    bytea[] := '{}';
  v_prevs     bytea[] := '{}';
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
  IF p_ids_may_exist AND EXISTS (SELECT 1 FROM events e WHERE e.event_id = ANY (p_event_ids)) THEN
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

  SELECT e.stream_version, e.hash, e.transaction_id INTO v_version, v_head, v_head_tx
    FROM events e WHERE e.stream_id = p_stream_id ORDER BY e.stream_version DESC LIMIT 1;
  v_version := coalesce(v_version, 0);
  v_head := coalesce(v_head, ledger_genesis_hash());

  IF (p_expected_kind = 'no_stream' AND v_version <> 0)
     OR (p_expected_kind = 'stream_exists' AND v_version = 0)
     OR (p_expected_kind = 'exact' AND v_version IS DISTINCT FROM p_expected_version) THEN
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
  -- chain itself, as plpgsql expressions (each query would cost a plan execution); positions for
  -- a batch come from one query, and each event's prev_hash is the previous one's hash.
  v_at := clock_timestamp();
  IF n = 1 THEN
    v_positions := ARRAY[nextval('events_global_position_seq')];
  ELSE
    v_positions := ARRAY(SELECT nextval('events_global_position_seq') FROM generate_series(1, n));
  END IF;
  v_prevs := ARRAY[v_head];
  FOR i IN 1..n LOOP
    v_head := ledger_event_hash(v_head, v_positions[i], p_stream_id, v_version + i, p_event_ids[i],
                                p_types[i], p_schema_versions[i], p_data[i], p_metadata[i], v_at,
                                p_effective_dates[i]);
    v_hashes[i] := v_head;
  END LOOP;
  v_prevs := v_prevs || v_hashes[1:n - 1];

  RETURN QUERY
    INSERT INTO events AS e (global_position, stream_id, stream_version, event_id, type,
                             schema_version, data, metadata, recorded_at, effective_date, prev_hash, hash)
    SELECT t.pos, p_stream_id, v_version + t.ord, t.id, t.type, t.sv, t.data, t.meta, v_at, t.eff,
           t.prev, t.hash
      FROM unnest(v_positions, p_event_ids, p_types, p_schema_versions, p_data, p_metadata,
                  p_effective_dates, v_prevs, v_hashes)
           WITH ORDINALITY AS t(pos, id, type, sv, data, meta, eff, prev, hash, ord)
    RETURNING e.global_position, e.stream_version, e.recorded_at, e.hash, false;
END
$$;

-- The log is sacred: no UPDATE, DELETE or TRUNCATE, whoever asks. Corrections are new events.
CREATE FUNCTION ledger_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'BL003';
END
$$;
CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

-- The service role may read and append, nothing else, on the log.
GRANT SELECT, INSERT ON events TO budget_ledger_app;
GRANT SELECT ON streams TO budget_ledger_app;
GRANT USAGE ON SEQUENCE events_global_position_seq TO budget_ledger_app;
GRANT USAGE ON SCHEMA public TO budget_ledger_app;
