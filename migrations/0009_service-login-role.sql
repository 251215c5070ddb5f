-- Why: the service logs in as its own restricted role (no superuser connection that merely SETs ROLE, which one stolen connection could undo), appends only through ledger_append, and writes no read model and no token; docs/security.md lists what each role may do and a test checks every line.
-- Up Migration

-- budget_ledger_app becomes the role the service logs in as. It keeps its name (grants made to it
-- by earlier migrations stay where they are) and must hold no attribute and no membership that
-- would let it become anything more: NOINHERIT, and a member of no role, so SET ROLE to any
-- other role fails. Roles are cluster-wide: only what differs is altered, and a membership an
-- operator granted is refused rather than silently revoked.
DO $$
DECLARE
  r pg_roles;
BEGIN
  SELECT * INTO r FROM pg_roles WHERE rolname = 'budget_ledger_app';
  IF r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls THEN
    RAISE EXCEPTION 'budget_ledger_app holds a privileged attribute (superuser, createrole, '
      'createdb, replication or bypassrls): the service role must not';
  END IF;
  IF EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid) THEN
    RAISE EXCEPTION 'budget_ledger_app is a member of %: it could SET ROLE to it; revoke that',
      (SELECT string_agg(m.roleid::regrole::text, ', ') FROM pg_auth_members m WHERE m.member = r.oid);
  END IF;
  IF NOT r.rolcanlogin OR r.rolinherit THEN
    ALTER ROLE budget_ledger_app LOGIN NOINHERIT;
  END IF;
EXCEPTION WHEN internal_error THEN
  -- "tuple concurrently updated": another database of the cluster altered it at the same moment.
  NULL;
END
$$;

-- Append only through the functions below, which take no position, transaction id, instant or
-- hash from the caller: the database draws and computes them.
REVOKE INSERT ON events FROM budget_ledger_app;
REVOKE USAGE ON SEQUENCE events_global_position_seq FROM budget_ledger_app;
-- The read models are written by the projection trigger only, with the owner's rights.
REVOKE INSERT ON line_postings, posting_sets, fact_versions FROM budget_ledger_app;
-- Tokens are created and revoked by the owner (the CLI's `token` commands); the service only
-- looks them up.
REVOKE UPDATE (revoked_at) ON api_tokens FROM budget_ledger_app;
REVOKE INSERT, UPDATE ON api_tokens FROM budget_ledger_app;
-- PostgreSQL 15 no longer grants CREATE on public to everyone; a database created before it
-- (pg_upgrade) still may.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The single-event append of the event store (src/events/event-store.ts), as it was sent by the
-- client: the head read, the expectation test and the hash through the same SQL functions as
-- ledger_append. No row: the expectation does not hold, a younger transaction holds the head, or
-- the event id is already in the log (the caller then asks ledger_append, which says why).
CREATE FUNCTION ledger_append_one(
  p_stream_id text, p_expected_kind text, p_expected_version bigint, p_event_id uuid,
  p_type text, p_schema_version integer, p_data jsonb, p_metadata jsonb, p_effective_date date
) RETURNS TABLE (global_position bigint, stream_version bigint, recorded_at timestamptz,
                 hash bytea)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
    INSERT INTO events AS e (global_position, stream_id, stream_version, event_id, type,
        schema_version, data, metadata, recorded_at, effective_date, prev_hash, hash)
    SELECT x.pos, p_stream_id, x.v + 1, p_event_id, p_type, p_schema_version, p_data, p_metadata,
           x.at, p_effective_date, x.head,
           ledger_event_hash(x.head, x.pos, p_stream_id, x.v + 1, p_event_id, p_type,
                             p_schema_version, p_data, p_metadata, x.at, p_effective_date)
      FROM (SELECT nextval('events_global_position_seq') AS pos, clock_timestamp() AS at,
                   coalesce(h.stream_version, 0) AS v, coalesce(h.hash, ledger_genesis_hash()) AS head
              FROM (SELECT) AS one
              LEFT JOIN LATERAL (SELECT l.stream_version, l.hash, l.transaction_id FROM events l
                                  WHERE l.stream_id = p_stream_id
                                  ORDER BY l.stream_version DESC LIMIT 1) h ON true
             WHERE ledger_expected_holds(p_expected_kind, p_expected_version,
                                         coalesce(h.stream_version, 0))
               AND (h.transaction_id IS NULL OR h.transaction_id < pg_current_xact_id())
            OFFSET 0) AS x
    ON CONFLICT (event_id) DO NOTHING
    RETURNING e.global_position, e.stream_version, e.recorded_at, e.hash;
END
$$;

-- The append path runs with the owner's rights, and so does the projection trigger it fires. A
-- function running with another role's rights must not resolve names through a schema its caller
-- controls: pg_temp (searched first for tables unless named) goes last.
ALTER FUNCTION ledger_append(text, text, bigint, uuid[], text[], integer[], jsonb[], jsonb[],
                             date[], boolean)
  SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION ledger_append_one(text, text, bigint, uuid, text, integer, jsonb, jsonb, date)
  SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION ledger_project_event()
  SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp;

-- Functions are executable by PUBLIC unless revoked: the append path is the service's alone.
REVOKE EXECUTE ON FUNCTION ledger_append(text, text, bigint, uuid[], text[], integer[], jsonb[],
                                         jsonb[], date[], boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ledger_append_one(text, text, bigint, uuid, text, integer, jsonb,
                                             jsonb, date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION ledger_project_event() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ledger_append(text, text, bigint, uuid[], text[], integer[], jsonb[],
                                        jsonb[], date[], boolean) TO budget_ledger_app;
GRANT EXECUTE ON FUNCTION ledger_append_one(text, text, bigint, uuid, text, integer, jsonb, jsonb,
                                            date) TO budget_ledger_app;
