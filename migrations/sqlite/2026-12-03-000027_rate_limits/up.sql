-- Rate limits beyond logins (issue 21): registration per client IP, verification resends per
-- account, webhook test sends per endpoint. One row per counted attempt; keys are hashed.
CREATE TABLE rate_limit_hits (
    id          TEXT PRIMARY KEY NOT NULL,
    bucket      TEXT NOT NULL,
    key_hash    TEXT NOT NULL,
    at          TIMESTAMP NOT NULL
);
CREATE INDEX rate_limit_hits_key_idx ON rate_limit_hits (bucket, key_hash, at);
CREATE INDEX rate_limit_hits_at_idx ON rate_limit_hits (bucket, at);
