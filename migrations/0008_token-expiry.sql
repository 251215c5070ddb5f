-- Why: a token may be issued for a limited time (an auditor's engagement, a temporary officer); past its expiry it is refused like a revoked one.
-- Up Migration

ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
