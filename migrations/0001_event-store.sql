-- Why: the immutable, hash-chained event log every budget fact lives in, and the stream heads that serialise appends.
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

CREATE TABLE streams (
  stream_id           text PRIMARY KEY,
  version             bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
  head_hash           bytea NOT NULL,
  head_position       bigint,
  -- The transaction that wrote the head; see ledger_append for why it is kept.
  head_transaction_id xid8,
  created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE SEQUENCE events_global_position_seq AS bigint;

CREATE TABLE events (
  global_position bigint PRIMARY KEY DEFAULT nextval('events_global_position_seq'),
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text NOT NULL REFERENCES streams (stream_id),
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
CREATE INDEX events_recorded_at ON events (recorded_at);
CREATE INDEX events_type ON events (type);

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
--                    40001 retry: see the transaction-order check below.
CREATE FUNCTION ledger_append(
  p_stream_id text, p_expected_kind text, p_expected_version bigint,
  p_event_ids uuid[], p_types text[], p_schema_versions integer[], p_data jsonb[],
  p_metadata jsonb[], p_effective_dates date[]
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
  v_times     timestamptz[] := '{}';
  v_hashes    bytea[] := '{}';
  v_prevs     bytea[] := '{}';
  v_pos      bigint;
  v_at       timestamptz;
  i          integer;
BEGIN
  IF n IS NULL OR n = 0 THEN
    RAISE EXCEPTION 'ledger_append: no events' USING ERRCODE = '22023';
  END IF;
  IF cardinality(p_types) <> n OR cardinality(p_schema_versions) <> n OR cardinality(p_data) <> n
     OR cardinality(p_metadata) <> n OR cardinality(p_effective_dates) <> n THEN
    RAISE EXCEPTION 'ledger_append: argument arrays differ in length' USING ERRCODE = '22023';
  END IF;

  -- Lock the stream head. Every append to a stream queues here, so versions are gap-free and the
  -- hash chain is linear. A new stream's head row is created first; ON CONFLICT covers a racing
  -- creator, whose row we then wait on and lock.
  SELECT s.version, s.head_hash, s.head_transaction_id INTO v_version, v_head, v_head_tx
    FROM streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO streams (stream_id, version, head_hash) VALUES (p_stream_id, 0, ledger_genesis_hash())
      ON CONFLICT (stream_id) DO NOTHING;
    SELECT s.version, s.head_hash, s.head_transaction_id INTO v_version, v_head, v_head_tx
      FROM streams s WHERE s.stream_id = p_stream_id FOR UPDATE;
  END IF;

  -- Idempotency, checked under the stream lock so that two retries of one append serialise:
  -- all ids known with the same payload → return the original rows and write nothing.
  -- Payload = stream, type, schema version, data and effective date; metadata (who retried, the
  -- correlation id of the retry) may legitimately differ between retries.
  SELECT count(*), (array_agg(t.id) FILTER (WHERE e.stream_id <> p_stream_id OR e.type <> t.type
           OR e.schema_version <> t.sv OR e.data <> t.data
           OR e.effective_date IS DISTINCT FROM t.eff))[1]
    INTO v_found, v_mismatch
    FROM unnest(p_event_ids, p_types, p_schema_versions, p_data, p_effective_dates)
           AS t(id, type, sv, data, eff)
    JOIN events e ON e.event_id = t.id;
  IF v_found > 0 THEN
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

  IF (p_expected_kind = 'no_stream' AND v_version <> 0)
     OR (p_expected_kind = 'stream_exists' AND v_version = 0)
     OR (p_expected_kind = 'exact' AND v_version IS DISTINCT FROM p_expected_version) THEN
    RAISE EXCEPTION 'stream % is at version %, expected %', p_stream_id, v_version,
        CASE p_expected_kind WHEN 'exact' THEN p_expected_version::text ELSE p_expected_kind END
      USING ERRCODE = 'BL001', DETAIL = v_version::text;
  ELSIF p_expected_kind NOT IN ('any', 'no_stream', 'stream_exists', 'exact') THEN
    RAISE EXCEPTION 'unknown expected-version kind %', p_expected_kind USING ERRCODE = '22023';
  END IF;

  -- Readers order the log by (transaction_id, global_position). Our xid was assigned when we
  -- first wrote (the lock above), which can be *before* the previous appender of this stream got
  -- its xid and committed (we took an xid, then lost the race for the row lock). Appending now
  -- would put version v+1 before version v in log order. That is rare; refuse it with a
  -- serialisation failure and let the caller retry in a new transaction, whose xid is newer.
  IF v_head_tx IS NOT NULL AND v_head_tx > pg_current_xact_id() THEN
    RAISE EXCEPTION 'stream % was advanced by a younger transaction; retry', p_stream_id
      USING ERRCODE = '40001';
  END IF;

  -- Positions are taken after the lock, so they also rise with the stream version.
  FOR i IN 1..n LOOP
    v_pos := nextval('events_global_position_seq');
    v_at := clock_timestamp();
    v_prevs := v_prevs || v_head;
    v_head := ledger_event_hash(v_head, v_pos, p_stream_id, v_version + i, p_event_ids[i],
                                p_types[i], p_schema_versions[i], p_data[i], p_metadata[i], v_at,
                                p_effective_dates[i]);
    v_positions := v_positions || v_pos;
    v_times := v_times || v_at;
    v_hashes := v_hashes || v_head;
  END LOOP;

  INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version,
                      data, metadata, recorded_at, effective_date, prev_hash, hash)
    SELECT t.pos, p_stream_id, v_version + t.ord, t.id, t.type, t.sv, t.data, t.meta, t.at, t.eff,
           t.prev, t.hash
      FROM unnest(v_positions, p_event_ids, p_types, p_schema_versions, p_data, p_metadata,
                  v_times, p_effective_dates, v_prevs, v_hashes)
           WITH ORDINALITY AS t(pos, id, type, sv, data, meta, at, eff, prev, hash, ord);

  UPDATE streams s SET version = v_version + n, head_hash = v_head, head_position = v_pos,
         head_transaction_id = pg_current_xact_id(), updated_at = v_at
   WHERE s.stream_id = p_stream_id;

  RETURN QUERY SELECT t.pos, v_version + t.ord, t.at, t.hash, false
    FROM unnest(v_positions, v_times, v_hashes) WITH ORDINALITY AS t(pos, at, hash, ord)
    ORDER BY t.ord;
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

-- The service role may read and append, nothing else, on the log; streams heads are updated
-- by ledger_append, which runs with the caller's rights.
GRANT SELECT, INSERT ON events TO budget_ledger_app;
GRANT SELECT, INSERT, UPDATE ON streams TO budget_ledger_app;
GRANT USAGE ON SEQUENCE events_global_position_seq TO budget_ledger_app;
GRANT USAGE ON SCHEMA public TO budget_ledger_app;
