-- Why: bearer API tokens for the GraphQL API, stored only as SHA-256 hashes, each with a role and the units it may act for.
-- Up Migration

CREATE TABLE api_tokens (
  id          uuid PRIMARY KEY,
  -- Tokens are 256-bit random strings, so a plain SHA-256 (no salt, no slow hash) cannot be
  -- inverted, and lets the server look a presented token up by its hash in one index probe.
  token_hash  bytea NOT NULL UNIQUE,
  role        text NOT NULL CHECK (role IN ('ADMIN', 'BUDGET_OFFICER', 'FINANCE_REVIEWER', 'AUDITOR')),
  unit_codes  text[] NOT NULL DEFAULT '{}',
  label       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  revoked_at  timestamptz
);

GRANT SELECT, INSERT ON api_tokens TO budget_ledger_app;
GRANT UPDATE (revoked_at) ON api_tokens TO budget_ledger_app;
