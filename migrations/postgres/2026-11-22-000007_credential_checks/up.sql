-- Institutional e-mail checks of credentials, expiry reminders, and the schedule of
-- recurring jobs (sweeps that run on whichever node claims them first).

-- The e-mail domain of the issuer (`charite.de`): an institutional check must use it.
ALTER TABLE credentials ADD COLUMN issuer_domain TEXT NULL;
-- When the 30-day expiry reminder was sent (at most once per credential).
ALTER TABLE credentials ADD COLUMN expiry_reminded_at TIMESTAMP NULL;
CREATE INDEX credentials_expiry_idx ON credentials (status, expires_on);

CREATE TABLE credential_email_checks (
    id              TEXT PRIMARY KEY,
    credential_id   TEXT NOT NULL REFERENCES credentials(id),
    expert_id       TEXT NOT NULL REFERENCES experts(id),
    -- The institutional address (personal data: erased with the account).
    email           TEXT NOT NULL,
    domain          TEXT NOT NULL,
    token_hash      TEXT NOT NULL UNIQUE,
    status          TEXT NOT NULL CHECK (status IN ('sent', 'confirmed', 'superseded')),
    expires_at      TIMESTAMP NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    confirmed_at    TIMESTAMP NULL
);
CREATE INDEX credential_email_checks_credential_idx ON credential_email_checks (credential_id, id);

-- One row per recurring job kind. A node fires a due schedule with a conditional update
-- of `next_run_at`, enqueuing the job in the same transaction, so each tick runs once.
CREATE TABLE job_schedules (
    kind            TEXT PRIMARY KEY,
    queue           TEXT NOT NULL,
    next_run_at     TIMESTAMP NOT NULL,
    last_run_at     TIMESTAMP NULL
);
INSERT INTO job_schedules (kind, queue, next_run_at) VALUES ('credentials.expiry_sweep', 'default', '1970-01-01 00:00:00');
