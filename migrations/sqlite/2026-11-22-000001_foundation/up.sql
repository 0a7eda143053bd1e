-- Foundation: identity, organizations, sessions, API keys, audit log, outbox jobs.
-- Portable types only (see DESIGN.md "Storage"): TEXT ids, UTC TIMESTAMP, BIGINT money, TEXT JSON.

CREATE TABLE users (
    id                  TEXT PRIMARY KEY,
    email               TEXT NOT NULL,
    email_normalized    TEXT NOT NULL UNIQUE,
    password_hash       TEXT NOT NULL,
    display_name        TEXT NOT NULL,
    is_platform_admin   BOOLEAN NOT NULL DEFAULT 0,
    is_expert           BOOLEAN NOT NULL DEFAULT 0,
    email_verified_at   TIMESTAMP NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL
);

CREATE TABLE orgs (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('lab', 'vendor')),
    name        TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES users(id),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    user_id     TEXT NOT NULL REFERENCES users(id),
    role        TEXT NOT NULL CHECK (role IN ('lab_admin', 'lab_member', 'vendor_admin')),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    UNIQUE (org_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE invitations (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    email               TEXT NOT NULL,
    email_normalized    TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('lab_admin', 'lab_member', 'vendor_admin')),
    token_hash          TEXT NOT NULL UNIQUE,
    invited_by          TEXT NOT NULL REFERENCES users(id),
    created_at          TIMESTAMP NOT NULL,
    expires_at          TIMESTAMP NOT NULL,
    accepted_at         TIMESTAMP NULL,
    accepted_by         TEXT NULL REFERENCES users(id),
    revoked_at          TIMESTAMP NULL
);
CREATE INDEX invitations_org_idx ON invitations (org_id, id);

CREATE TABLE sessions (
    id              TEXT PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users(id),
    created_at      TIMESTAMP NOT NULL,
    revoked_at      TIMESTAMP NULL,
    revoke_reason   TEXT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE refresh_tokens (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES sessions(id),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP NULL
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

CREATE TABLE email_tokens (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email')),
    email       TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP NULL
);
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id);

CREATE TABLE api_keys (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    name            TEXT NOT NULL,
    prefix          TEXT NOT NULL,
    secret_hash     TEXT NOT NULL UNIQUE,
    scopes          TEXT NOT NULL,
    created_by      TEXT NOT NULL REFERENCES users(id),
    created_at      TIMESTAMP NOT NULL,
    last_used_at    TIMESTAMP NULL,
    revoked_at      TIMESTAMP NULL,
    revoked_by      TEXT NULL REFERENCES users(id)
);
CREATE INDEX api_keys_org_idx ON api_keys (org_id, id);

-- Failed logins, keyed by a SHA-256 of the normalised e-mail or the client IP (no personal data).
CREATE TABLE login_failures (
    id          TEXT PRIMARY KEY,
    key_kind    TEXT NOT NULL CHECK (key_kind IN ('account', 'ip')),
    key_hash    TEXT NOT NULL,
    at          TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_key_idx ON login_failures (key_kind, key_hash, at);

-- Append-only: the application never updates or deletes rows here.
CREATE TABLE audit_events (
    id              TEXT PRIMARY KEY,
    at              TIMESTAMP NOT NULL,
    actor_type      TEXT NOT NULL,
    actor_id        TEXT NULL,
    org_id          TEXT NULL,
    action          TEXT NOT NULL,
    subject_type    TEXT NOT NULL,
    subject_id      TEXT NULL,
    details         TEXT NOT NULL,
    request_id      TEXT NULL
);
CREATE INDEX audit_events_action_idx ON audit_events (action, id);
CREATE INDEX audit_events_org_idx ON audit_events (org_id, id);

-- The outbox: follow-up work enqueued in the same transaction as the change that causes it.
CREATE TABLE jobs (
    id              TEXT PRIMARY KEY,
    queue           TEXT NOT NULL,
    kind            TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    run_at          TIMESTAMP NOT NULL,
    locked_by       TEXT NULL,
    locked_until    TIMESTAMP NULL,
    last_error      TEXT NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP NULL
);
CREATE INDEX jobs_due_idx ON jobs (queue, status, run_at);
