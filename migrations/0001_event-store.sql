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
  -- No foreign key to streams: ledger_append writes the head row first in the same transaction,
  -- and a per-row RI check would only cost every append a lookup and a share lock.
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
--
-- Concurrency: optimistic on the stream head. We read the head without locking, chain the new
-- events' hashes onto it, and then move the head with one conditional write
-- (UPDATE … WHERE version = the version we read, or INSERT … ON CONFLICT DO NOTHING for a new
-- stream). A concurrent appender makes that write wait for its commit and then match no row; we
-- loop and start again from the new head. So every append to a stream is serialised by the head
-- row, versions are gap-free and the chain is linear, and the uncontended path writes the head
-- row once (a SELECT … FOR UPDATE first would write it twice).
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
  v_positions bigint[];
  v_times     timestamptz[];
  v_hashes    bytea[];
  v_prevs     bytea[];
  v_hash     bytea;
  v_moved    boolean;
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

  LOOP
    -- Idempotency: all ids known with the same payload → return the original rows, write
    -- nothing. Payload = stream, type, schema version, data and effective date; metadata (who
    -- retried, the retry's correlation id) may legitimately differ between retries. Checked on
    -- every pass of the loop, so a retry racing the original append sees it once it commits.
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

    SELECT s.version, s.head_hash, s.head_transaction_id INTO v_version, v_head, v_head_tx
      FROM streams s WHERE s.stream_id = p_stream_id;
    v_version := coalesce(v_version, 0);
    v_head := coalesce(v_head, ledger_genesis_hash());

    IF (p_expected_kind = 'no_stream' AND v_version <> 0)
       OR (p_expected_kind = 'stream_exists' AND v_version = 0)
       OR (p_expected_kind = 'exact' AND v_version IS DISTINCT FROM p_expected_version) THEN
      RAISE EXCEPTION 'stream % is at version %, expected %', p_stream_id, v_version,
          CASE p_expected_kind WHEN 'exact' THEN p_expected_version::text ELSE p_expected_kind END
        USING ERRCODE = 'BL001', DETAIL = v_version::text;
    END IF;

    -- Positions are taken before the head moves; a lost race discards them (a gap in positions
    -- is harmless: the order key is (transaction_id, global_position), not a gap-free counter).
    v_positions := ARRAY(SELECT nextval('events_global_position_seq') FROM generate_series(1, n));
    v_times := '{}'; v_hashes := '{}'; v_prevs := '{}'; v_hash := v_head;
    FOR i IN 1..n LOOP
      v_prevs[i] := v_hash;
      v_times[i] := clock_timestamp();
      v_hash := ledger_event_hash(v_hash, v_positions[i], p_stream_id, v_version + i, p_event_ids[i],
                                  p_types[i], p_schema_versions[i], p_data[i], p_metadata[i], v_times[i],
                                  p_effective_dates[i]);
      v_hashes[i] := v_hash;
    END LOOP;

    IF v_version = 0 THEN
      INSERT INTO streams AS s (stream_id, version, head_hash, head_position, head_transaction_id)
        VALUES (p_stream_id, n, v_hash, v_positions[n], pg_current_xact_id())
        ON CONFLICT (stream_id) DO NOTHING;
    ELSE
      UPDATE streams s SET version = v_version + n, head_hash = v_hash, head_position = v_positions[n],
             head_transaction_id = pg_current_xact_id(), updated_at = clock_timestamp()
       WHERE s.stream_id = p_stream_id AND s.version = v_version;
    END IF;
    GET DIAGNOSTICS v_found = ROW_COUNT;
    v_moved := v_found = 1;
    EXIT WHEN v_moved;
    -- Lost the race for the head: it moved (and committed) meanwhile. Start again from it.
  END LOOP;

  -- Readers order the log by (transaction_id, global_position). Our xid was assigned by the head
  -- write above, which can be *before* the previous appender of this stream got its xid and
  -- committed (we took an xid, then waited for its head row). Appending now would put version
  -- v+1 before version v in log order. That is rare; refuse it with a serialisation failure, and
  -- the caller retries in a new transaction, whose xid is newer.
  IF v_head_tx IS NOT NULL AND v_head_tx > pg_current_xact_id() THEN
    RAISE EXCEPTION 'stream % was advanced by a younger transaction; retry', p_stream_id
      USING ERRCODE = '40001';
  END IF;

  INSERT INTO events (global_position, stream_id, stream_version, event_id, type, schema_version,
                      data, metadata, recorded_at, effective_date, prev_hash, hash)
    SELECT t.pos, p_stream_id, v_version + t.ord, t.id, t.type, t.sv, t.data, t.meta, t.at, t.eff,
           t.prev, t.hash
      FROM unnest(v_positions, p_event_ids, p_types, p_schema_versions, p_data, p_metadata,
                  v_times, p_effective_dates, v_prevs, v_hashes)
           WITH ORDINALITY AS t(pos, id, type, sv, data, meta, at, eff, prev, hash, ord);

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
