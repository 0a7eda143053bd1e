-- Schema parity (tests/api/schema.rs): SQLite accepts NULL in a `TEXT PRIMARY KEY` column
-- not also declared NOT NULL (a quirk SQLite keeps for compatibility; only an INTEGER
-- PRIMARY KEY and the key of a WITHOUT ROWID table are NOT NULL by themselves), where
-- PostgreSQL and schema.rs (`id -> Text`) never allow one. The tables of the first
-- migrations were created that way. SQLite cannot add NOT NULL to a column: each is
-- rebuilt with its definition unchanged but for NOT NULL on its key, its rows copied and
-- its indexes re-created (https://www.sqlite.org/lang_altertable.html#otheralter).
--
-- Runs outside diesel's per-migration transaction (metadata.toml): a table that others
-- reference can only be dropped and replaced with foreign keys off, and PRAGMA
-- foreign_keys does nothing inside a transaction. The rebuilds run in one transaction of
-- their own; the copies keep every key, so no reference is left dangling. A row with a
-- NULL key (never written by Cadre) fails the copy and the migration, loudly. Run again
-- after a crash before diesel records it, it rebuilds the same tables the same way.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- users
CREATE TABLE users_new (
    id                  TEXT PRIMARY KEY NOT NULL,
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
INSERT INTO users_new (id, email, email_normalized, password_hash, display_name, is_platform_admin, is_expert, email_verified_at, created_at, updated_at)
    SELECT id, email, email_normalized, password_hash, display_name, is_platform_admin, is_expert, email_verified_at, created_at, updated_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- orgs
CREATE TABLE orgs_new (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('lab', 'vendor')),
    name        TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES users(id),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
INSERT INTO orgs_new (id, kind, name, created_by, created_at, updated_at)
    SELECT id, kind, name, created_by, created_at, updated_at FROM orgs;
DROP TABLE orgs;
ALTER TABLE orgs_new RENAME TO orgs;

-- memberships
CREATE TABLE memberships_new (
    id          TEXT PRIMARY KEY NOT NULL,
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    user_id     TEXT NOT NULL REFERENCES users(id),
    role        TEXT NOT NULL CHECK (role IN ('lab_admin', 'lab_member', 'vendor_admin')),
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    UNIQUE (org_id, user_id)
);
INSERT INTO memberships_new (id, org_id, user_id, role, created_at, updated_at)
    SELECT id, org_id, user_id, role, created_at, updated_at FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- invitations
CREATE TABLE invitations_new (
    id                  TEXT PRIMARY KEY NOT NULL,
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
INSERT INTO invitations_new (id, org_id, email, email_normalized, role, token_hash, invited_by, created_at, expires_at, accepted_at, accepted_by, revoked_at)
    SELECT id, org_id, email, email_normalized, role, token_hash, invited_by, created_at, expires_at, accepted_at, accepted_by, revoked_at FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_new RENAME TO invitations;
CREATE INDEX invitations_org_idx ON invitations (org_id, id);

-- sessions
CREATE TABLE sessions_new (
    id              TEXT PRIMARY KEY NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users(id),
    created_at      TIMESTAMP NOT NULL,
    revoked_at      TIMESTAMP NULL,
    revoke_reason   TEXT NULL
);
INSERT INTO sessions_new (id, user_id, created_at, revoked_at, revoke_reason)
    SELECT id, user_id, created_at, revoked_at, revoke_reason FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- refresh_tokens
CREATE TABLE refresh_tokens_new (
    id          TEXT PRIMARY KEY NOT NULL,
    session_id  TEXT NOT NULL REFERENCES sessions(id),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP NULL
);
INSERT INTO refresh_tokens_new (id, session_id, token_hash, created_at, expires_at, used_at)
    SELECT id, session_id, token_hash, created_at, expires_at, used_at FROM refresh_tokens;
DROP TABLE refresh_tokens;
ALTER TABLE refresh_tokens_new RENAME TO refresh_tokens;
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- email_tokens
CREATE TABLE email_tokens_new (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email')),
    email       TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP NULL
);
INSERT INTO email_tokens_new (id, user_id, purpose, email, token_hash, created_at, expires_at, used_at)
    SELECT id, user_id, purpose, email, token_hash, created_at, expires_at, used_at FROM email_tokens;
DROP TABLE email_tokens;
ALTER TABLE email_tokens_new RENAME TO email_tokens;
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id);

-- api_keys
CREATE TABLE api_keys_new (
    id              TEXT PRIMARY KEY NOT NULL,
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
INSERT INTO api_keys_new (id, org_id, name, prefix, secret_hash, scopes, created_by, created_at, last_used_at, revoked_at, revoked_by)
    SELECT id, org_id, name, prefix, secret_hash, scopes, created_by, created_at, last_used_at, revoked_at, revoked_by FROM api_keys;
DROP TABLE api_keys;
ALTER TABLE api_keys_new RENAME TO api_keys;
CREATE INDEX api_keys_org_idx ON api_keys (org_id, id);

-- login_failures
CREATE TABLE login_failures_new (
    id          TEXT PRIMARY KEY NOT NULL,
    key_kind    TEXT NOT NULL CHECK (key_kind IN ('account', 'ip')),
    key_hash    TEXT NOT NULL,
    at          TIMESTAMP NOT NULL
);
INSERT INTO login_failures_new (id, key_kind, key_hash, at)
    SELECT id, key_kind, key_hash, at FROM login_failures;
DROP TABLE login_failures;
ALTER TABLE login_failures_new RENAME TO login_failures;
CREATE INDEX login_failures_key_idx ON login_failures (key_kind, key_hash, at);

-- audit_events
CREATE TABLE audit_events_new (
    id              TEXT PRIMARY KEY NOT NULL,
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
INSERT INTO audit_events_new (id, at, actor_type, actor_id, org_id, action, subject_type, subject_id, details, request_id)
    SELECT id, at, actor_type, actor_id, org_id, action, subject_type, subject_id, details, request_id FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_new RENAME TO audit_events;
CREATE INDEX audit_events_action_idx ON audit_events (action, id);
CREATE INDEX audit_events_org_idx ON audit_events (org_id, id);

-- jobs
CREATE TABLE jobs_new (
    id              TEXT PRIMARY KEY NOT NULL,
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
INSERT INTO jobs_new (id, queue, kind, payload, status, attempts, run_at, locked_by, locked_until, last_error, created_at, updated_at, finished_at)
    SELECT id, queue, kind, payload, status, attempts, run_at, locked_by, locked_until, last_error, created_at, updated_at, finished_at FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_new RENAME TO jobs;
CREATE INDEX jobs_due_idx ON jobs (queue, status, run_at);

-- domains
CREATE TABLE domains_new (
    id          TEXT PRIMARY KEY NOT NULL,
    slug        TEXT NOT NULL UNIQUE,
    parent_id   TEXT NULL REFERENCES domains(id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
INSERT INTO domains_new (id, slug, parent_id, name, description, created_at, updated_at)
    SELECT id, slug, parent_id, name, description, created_at, updated_at FROM domains;
DROP TABLE domains;
ALTER TABLE domains_new RENAME TO domains;
CREATE INDEX domains_parent_idx ON domains (parent_id);

-- domain_requirements
CREATE TABLE domain_requirements_new (
    id          TEXT PRIMARY KEY NOT NULL,
    domain_id   TEXT NOT NULL REFERENCES domains(id),
    kind        TEXT NOT NULL,
    field       TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (domain_id, kind, field)
);
INSERT INTO domain_requirements_new (id, domain_id, kind, field, created_at)
    SELECT id, domain_id, kind, field, created_at FROM domain_requirements;
DROP TABLE domain_requirements;
ALTER TABLE domain_requirements_new RENAME TO domain_requirements;

-- slices
CREATE TABLE slices_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    key                 TEXT NOT NULL,
    -- NULL for platform-owned shared slices; the owning lab for private ones.
    org_id              TEXT NULL REFERENCES orgs(id),
    -- '' for shared slices, the lab id for private ones: keys are unique per scope.
    scope               TEXT NOT NULL,
    domain_id           TEXT NOT NULL REFERENCES domains(id),
    name                TEXT NOT NULL,
    description         TEXT NOT NULL,
    label_kind          TEXT NOT NULL CHECK (label_kind IN ('pairwise', 'categorical', 'ordinal')),
    label_schema        TEXT NOT NULL,
    measurement_level   TEXT NOT NULL CHECK (measurement_level IN ('nominal', 'ordinal', 'interval')),
    language            TEXT NULL,
    created_by          TEXT NOT NULL REFERENCES users(id),
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    UNIQUE (scope, key)
);
INSERT INTO slices_new (id, key, org_id, scope, domain_id, name, description, label_kind, label_schema, measurement_level, language, created_by, created_at, updated_at)
    SELECT id, key, org_id, scope, domain_id, name, description, label_kind, label_schema, measurement_level, language, created_by, created_at, updated_at FROM slices;
DROP TABLE slices;
ALTER TABLE slices_new RENAME TO slices;
CREATE INDEX slices_domain_idx ON slices (domain_id);
CREATE INDEX slices_org_idx ON slices (org_id, id);

-- projects
CREATE TABLE projects_new (
    id                      TEXT PRIMARY KEY NOT NULL,
    org_id                  TEXT NOT NULL REFERENCES orgs(id),
    name                    TEXT NOT NULL,
    description             TEXT NOT NULL,
    domain_id               TEXT NOT NULL REFERENCES domains(id),
    status                  TEXT NOT NULL CHECK (status IN ('draft', 'active', 'paused', 'archived')),
    constitution_version    INTEGER NULL,
    overlap                 INTEGER NOT NULL,
    gold_rate               DOUBLE NOT NULL,
    adjudication            BOOLEAN NOT NULL,
    default_deadline_secs   BIGINT NOT NULL,
    bill_rate_minor         BIGINT NOT NULL,
    currency                TEXT NOT NULL,
    budget_cap_minor        BIGINT NULL,
    excluded_vendor_ids     TEXT NOT NULL,
    excluded_expert_ids     TEXT NOT NULL,
    affiliation_keywords    TEXT NOT NULL,
    created_by              TEXT NOT NULL REFERENCES users(id),
    created_at              TIMESTAMP NOT NULL,
    updated_at              TIMESTAMP NOT NULL,
    show_judge_confidence BOOLEAN NOT NULL DEFAULT FALSE
);
INSERT INTO projects_new (id, org_id, name, description, domain_id, status, constitution_version, overlap, gold_rate, adjudication, default_deadline_secs, bill_rate_minor, currency, budget_cap_minor, excluded_vendor_ids, excluded_expert_ids, affiliation_keywords, created_by, created_at, updated_at, show_judge_confidence)
    SELECT id, org_id, name, description, domain_id, status, constitution_version, overlap, gold_rate, adjudication, default_deadline_secs, bill_rate_minor, currency, budget_cap_minor, excluded_vendor_ids, excluded_expert_ids, affiliation_keywords, created_by, created_at, updated_at, show_judge_confidence FROM projects;
DROP TABLE projects;
ALTER TABLE projects_new RENAME TO projects;
CREATE INDEX projects_org_idx ON projects (org_id, id);
CREATE INDEX projects_domain_idx ON projects (domain_id);

-- project_slices
CREATE TABLE project_slices_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    project_id          TEXT NOT NULL REFERENCES projects(id),
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    slice_id            TEXT NOT NULL REFERENCES slices(id),
    min_qualification   TEXT NOT NULL CHECK (min_qualification IN ('probation', 'qualified')),
    created_at          TIMESTAMP NOT NULL,
    UNIQUE (project_id, slice_id)
);
INSERT INTO project_slices_new (id, project_id, org_id, slice_id, min_qualification, created_at)
    SELECT id, project_id, org_id, slice_id, min_qualification, created_at FROM project_slices;
DROP TABLE project_slices;
ALTER TABLE project_slices_new RENAME TO project_slices;
CREATE INDEX project_slices_slice_idx ON project_slices (slice_id);

-- constitutions
CREATE TABLE constitutions_new (
    id              TEXT PRIMARY KEY NOT NULL,
    project_id      TEXT NOT NULL REFERENCES projects(id),
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    version         INTEGER NOT NULL,
    title           TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    created_by      TEXT NOT NULL REFERENCES users(id),
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    published_at    TIMESTAMP NULL,
    published_by    TEXT NULL REFERENCES users(id),
    UNIQUE (project_id, version)
);
INSERT INTO constitutions_new (id, project_id, org_id, version, title, status, created_by, created_at, updated_at, published_at, published_by)
    SELECT id, project_id, org_id, version, title, status, created_by, created_at, updated_at, published_at, published_by FROM constitutions;
DROP TABLE constitutions;
ALTER TABLE constitutions_new RENAME TO constitutions;

-- constitution_clauses
CREATE TABLE constitution_clauses_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    constitution_id     TEXT NOT NULL REFERENCES constitutions(id),
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    clause_id           TEXT NOT NULL,
    position            INTEGER NOT NULL,
    text                TEXT NOT NULL,
    examples            TEXT NOT NULL,
    counter_examples    TEXT NOT NULL,
    UNIQUE (constitution_id, clause_id)
);
INSERT INTO constitution_clauses_new (id, constitution_id, org_id, clause_id, position, text, examples, counter_examples)
    SELECT id, constitution_id, org_id, clause_id, position, text, examples, counter_examples FROM constitution_clauses;
DROP TABLE constitution_clauses;
ALTER TABLE constitution_clauses_new RENAME TO constitution_clauses;

-- gold_items
CREATE TABLE gold_items_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    owner_kind          TEXT NOT NULL CHECK (owner_kind IN ('lab', 'vendor', 'platform')),
    -- The owning lab or vendor; NULL for the platform pool.
    org_id              TEXT NULL REFERENCES orgs(id),
    project_id          TEXT NULL REFERENCES projects(id),
    -- The project (lab gold), the vendor (calibration) or 'platform': external ids are unique per scope.
    scope               TEXT NOT NULL,
    slice_id            TEXT NOT NULL REFERENCES slices(id),
    external_id         TEXT NULL,
    payload             TEXT NOT NULL,
    answer              TEXT NOT NULL,
    answer_choice       TEXT NULL,
    answer_strength     BIGINT NULL,
    answer_score        BIGINT NULL,
    answer_both_bad     BOOLEAN NOT NULL,
    explanation         TEXT NOT NULL,
    cited_clauses       TEXT NOT NULL,
    created_by          TEXT NOT NULL REFERENCES users(id),
    created_at          TIMESTAMP NOT NULL
);
INSERT INTO gold_items_new (id, owner_kind, org_id, project_id, scope, slice_id, external_id, payload, answer, answer_choice, answer_strength, answer_score, answer_both_bad, explanation, cited_clauses, created_by, created_at)
    SELECT id, owner_kind, org_id, project_id, scope, slice_id, external_id, payload, answer, answer_choice, answer_strength, answer_score, answer_both_bad, explanation, cited_clauses, created_by, created_at FROM gold_items;
DROP TABLE gold_items;
ALTER TABLE gold_items_new RENAME TO gold_items;
CREATE UNIQUE INDEX gold_items_external_idx ON gold_items (scope, external_id);
CREATE INDEX gold_items_scope_idx ON gold_items (scope, id);
CREATE INDEX gold_items_slice_idx ON gold_items (slice_id, owner_kind);

-- experts
CREATE TABLE experts_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    user_id             TEXT NOT NULL UNIQUE REFERENCES users(id),
    -- The vendor whose roster the expert is on (NULL: independent). Roster views filter on it.
    vendor_id           TEXT NULL REFERENCES orgs(id),
    -- Pseudonymous handle shown to labs.
    handle              TEXT NOT NULL UNIQUE,
    display_name        TEXT NOT NULL,
    headline            TEXT NOT NULL,
    bio                 TEXT NOT NULL,
    domain_ids          TEXT NOT NULL,
    languages           TEXT NOT NULL,
    time_zone           TEXT NOT NULL,
    country             TEXT NOT NULL,
    affiliations        TEXT NOT NULL,
    desired_rate_minor  BIGINT NOT NULL,
    desired_currency    TEXT NOT NULL,
    contact_consent     BOOLEAN NOT NULL,
    vetting_status      TEXT NOT NULL CHECK (vetting_status IN ('applied', 'screening', 'credential_review', 'assessment', 'approved', 'rejected', 'withdrawn', 'offboarded')),
    status_changed_at   TIMESTAMP NOT NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    open_assignments INTEGER NOT NULL DEFAULT 0
);
INSERT INTO experts_new (id, user_id, vendor_id, handle, display_name, headline, bio, domain_ids, languages, time_zone, country, affiliations, desired_rate_minor, desired_currency, contact_consent, vetting_status, status_changed_at, created_at, updated_at, open_assignments)
    SELECT id, user_id, vendor_id, handle, display_name, headline, bio, domain_ids, languages, time_zone, country, affiliations, desired_rate_minor, desired_currency, contact_consent, vetting_status, status_changed_at, created_at, updated_at, open_assignments FROM experts;
DROP TABLE experts;
ALTER TABLE experts_new RENAME TO experts;
CREATE INDEX experts_vendor_idx ON experts (vendor_id, id);
CREATE INDEX experts_status_idx ON experts (vetting_status, id);

-- vetting_transitions
CREATE TABLE vetting_transitions_new (
    id          TEXT PRIMARY KEY NOT NULL,
    expert_id   TEXT NOT NULL REFERENCES experts(id),
    from_status TEXT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    actor_type  TEXT NOT NULL,
    actor_id    TEXT NULL,
    at          TIMESTAMP NOT NULL
);
INSERT INTO vetting_transitions_new (id, expert_id, from_status, to_status, reason, actor_type, actor_id, at)
    SELECT id, expert_id, from_status, to_status, reason, actor_type, actor_id, at FROM vetting_transitions;
DROP TABLE vetting_transitions;
ALTER TABLE vetting_transitions_new RENAME TO vetting_transitions;
CREATE INDEX vetting_transitions_expert_idx ON vetting_transitions (expert_id, id);

-- credentials
CREATE TABLE credentials_new (
    id              TEXT PRIMARY KEY NOT NULL,
    expert_id       TEXT NOT NULL REFERENCES experts(id),
    -- The expert's vendor at upload time, for roster reviewers.
    vendor_id       TEXT NULL REFERENCES orgs(id),
    kind            TEXT NOT NULL CHECK (kind IN ('degree', 'licence', 'certification', 'employment', 'publication')),
    issuer          TEXT NOT NULL,
    identifier      TEXT NULL,
    field           TEXT NOT NULL,
    jurisdiction    TEXT NULL,
    issued_on       DATE NULL,
    expires_on      DATE NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected', 'expired', 'revoked')),
    review_reason   TEXT NULL,
    reviewed_by     TEXT NULL REFERENCES users(id),
    reviewed_at     TIMESTAMP NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    issuer_domain TEXT NULL,
    expiry_reminded_at TIMESTAMP NULL
);
INSERT INTO credentials_new (id, expert_id, vendor_id, kind, issuer, identifier, field, jurisdiction, issued_on, expires_on, status, review_reason, reviewed_by, reviewed_at, created_at, updated_at, issuer_domain, expiry_reminded_at)
    SELECT id, expert_id, vendor_id, kind, issuer, identifier, field, jurisdiction, issued_on, expires_on, status, review_reason, reviewed_by, reviewed_at, created_at, updated_at, issuer_domain, expiry_reminded_at FROM credentials;
DROP TABLE credentials;
ALTER TABLE credentials_new RENAME TO credentials;
CREATE INDEX credentials_expert_idx ON credentials (expert_id, id);
CREATE INDEX credentials_expiry_idx ON credentials (status, expires_on);

-- evidence_files
CREATE TABLE evidence_files_new (
    id              TEXT PRIMARY KEY NOT NULL,
    credential_id   TEXT NOT NULL REFERENCES credentials(id),
    expert_id       TEXT NOT NULL REFERENCES experts(id),
    filename        TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size_bytes      BIGINT NOT NULL,
    sha256          TEXT NOT NULL,
    content         BLOB NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
INSERT INTO evidence_files_new (id, credential_id, expert_id, filename, content_type, size_bytes, sha256, content, created_at)
    SELECT id, credential_id, expert_id, filename, content_type, size_bytes, sha256, content, created_at FROM evidence_files;
DROP TABLE evidence_files;
ALTER TABLE evidence_files_new RENAME TO evidence_files;
CREATE INDEX evidence_files_credential_idx ON evidence_files (credential_id, id);

-- credential_email_checks
CREATE TABLE credential_email_checks_new (
    id              TEXT PRIMARY KEY NOT NULL,
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
INSERT INTO credential_email_checks_new (id, credential_id, expert_id, email, domain, token_hash, status, expires_at, created_at, confirmed_at)
    SELECT id, credential_id, expert_id, email, domain, token_hash, status, expires_at, created_at, confirmed_at FROM credential_email_checks;
DROP TABLE credential_email_checks;
ALTER TABLE credential_email_checks_new RENAME TO credential_email_checks;
CREATE INDEX credential_email_checks_credential_idx ON credential_email_checks (credential_id, id);

-- job_schedules
CREATE TABLE job_schedules_new (
    kind            TEXT PRIMARY KEY NOT NULL,
    queue           TEXT NOT NULL,
    next_run_at     TIMESTAMP NOT NULL,
    last_run_at     TIMESTAMP NULL
);
INSERT INTO job_schedules_new (kind, queue, next_run_at, last_run_at)
    SELECT kind, queue, next_run_at, last_run_at FROM job_schedules;
DROP TABLE job_schedules;
ALTER TABLE job_schedules_new RENAME TO job_schedules;

-- slice_standings
CREATE TABLE slice_standings_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    expert_id           TEXT NOT NULL REFERENCES experts(id),
    slice_id            TEXT NOT NULL REFERENCES slices(id),
    status              TEXT NOT NULL CHECK (status IN ('none', 'probation', 'qualified', 'suspended')),
    status_reason       TEXT NOT NULL,
    status_changed_at   TIMESTAMP NOT NULL,
    tier                TEXT NOT NULL CHECK (tier IN ('annotator', 'senior', 'adjudicator')),
    tier_changed_at     TIMESTAMP NOT NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL, alpha DOUBLE NOT NULL DEFAULT 1, beta DOUBLE NOT NULL DEFAULT 1, score_bound DOUBLE NOT NULL DEFAULT 1, theta DOUBLE PRECISION NULL, theta_drawn_at TIMESTAMP NULL,
    UNIQUE (expert_id, slice_id)
);
INSERT INTO slice_standings_new (id, expert_id, slice_id, status, status_reason, status_changed_at, tier, tier_changed_at, created_at, updated_at, alpha, beta, score_bound, theta, theta_drawn_at)
    SELECT id, expert_id, slice_id, status, status_reason, status_changed_at, tier, tier_changed_at, created_at, updated_at, alpha, beta, score_bound, theta, theta_drawn_at FROM slice_standings;
DROP TABLE slice_standings;
ALTER TABLE slice_standings_new RENAME TO slice_standings;
CREATE INDEX slice_standings_slice_idx ON slice_standings (slice_id, status, tier);
CREATE INDEX slice_standings_routing_idx ON slice_standings (slice_id, score_bound DESC, expert_id);
CREATE INDEX slice_standings_draws_idx ON slice_standings (theta_drawn_at);

-- slice_standing_events
CREATE TABLE slice_standing_events_new (
    id          TEXT PRIMARY KEY NOT NULL,
    expert_id   TEXT NOT NULL REFERENCES experts(id),
    slice_id    TEXT NOT NULL REFERENCES slices(id),
    -- 'status' or 'tier'
    aspect      TEXT NOT NULL CHECK (aspect IN ('status', 'tier')),
    from_value  TEXT NOT NULL,
    to_value    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    -- The numbers behind an automatic change (JSON), e.g. an assessment's score.
    details     TEXT NOT NULL,
    actor_type  TEXT NOT NULL,
    actor_id    TEXT NULL,
    at          TIMESTAMP NOT NULL
);
INSERT INTO slice_standing_events_new (id, expert_id, slice_id, aspect, from_value, to_value, reason, details, actor_type, actor_id, at)
    SELECT id, expert_id, slice_id, aspect, from_value, to_value, reason, details, actor_type, actor_id, at FROM slice_standing_events;
DROP TABLE slice_standing_events;
ALTER TABLE slice_standing_events_new RENAME TO slice_standing_events;
CREATE INDEX slice_standing_events_expert_idx ON slice_standing_events (expert_id, slice_id, id);

-- assessments
CREATE TABLE assessments_new (
    id              TEXT PRIMARY KEY NOT NULL,
    expert_id       TEXT NOT NULL REFERENCES experts(id),
    slice_id        TEXT NOT NULL REFERENCES slices(id),
    status          TEXT NOT NULL CHECK (status IN ('in_progress', 'passed', 'failed', 'expired')),
    item_count      INTEGER NOT NULL,
    correct_count   INTEGER NULL,
    -- Pass mark at start, in basis points (8000 = 0.8).
    threshold_bp    INTEGER NOT NULL,
    started_at      TIMESTAMP NOT NULL,
    due_at          TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP NULL,
    active_seconds  BIGINT NULL,
    -- [{clause, items}] for the items answered wrongly (JSON).
    missed_clauses  TEXT NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
INSERT INTO assessments_new (id, expert_id, slice_id, status, item_count, correct_count, threshold_bp, started_at, due_at, finished_at, active_seconds, missed_clauses, created_at, updated_at)
    SELECT id, expert_id, slice_id, status, item_count, correct_count, threshold_bp, started_at, due_at, finished_at, active_seconds, missed_clauses, created_at, updated_at FROM assessments;
DROP TABLE assessments;
ALTER TABLE assessments_new RENAME TO assessments;
CREATE INDEX assessments_expert_idx ON assessments (expert_id, slice_id, id);
CREATE INDEX assessments_due_idx ON assessments (status, due_at);
CREATE UNIQUE INDEX assessments_one_open_idx ON assessments (expert_id, slice_id) WHERE status = 'in_progress';

-- assignments
CREATE TABLE assignments_new (
    id              TEXT PRIMARY KEY NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('annotator', 'adjudicator', 'calibration', 'assessment')),
    expert_id       TEXT NOT NULL REFERENCES experts(id),
    slice_id        TEXT NOT NULL REFERENCES slices(id),
    gold_item_id    TEXT NULL REFERENCES gold_items(id),
    assessment_id   TEXT NULL REFERENCES assessments(id),
    position        INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('offered', 'accepted', 'submitted', 'expired', 'declined')),
    offered_at      TIMESTAMP NOT NULL,
    accepted_at     TIMESTAMP NULL,
    submitted_at    TIMESTAMP NULL,
    due_at          TIMESTAMP NOT NULL,
    label           TEXT NULL,
    label_choice    TEXT NULL,
    label_strength  BIGINT NULL,
    label_score     BIGINT NULL,
    label_both_bad  BOOLEAN NULL,
    cited_clauses   TEXT NULL,
    correct         BOOLEAN NULL,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    item_id TEXT NULL REFERENCES items(id),
    org_id TEXT NULL REFERENCES orgs(id),
    project_id TEXT NULL REFERENCES projects(id),
    constitution_version INTEGER NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    standing_at_offer TEXT NULL,
    decline_reason TEXT NULL,
    ended_at TIMESTAMP NULL,
    active_seconds BIGINT NULL,
    calibration_session_id TEXT NULL REFERENCES calibration_sessions (id)
);
INSERT INTO assignments_new (id, role, expert_id, slice_id, gold_item_id, assessment_id, position, status, offered_at, accepted_at, submitted_at, due_at, label, label_choice, label_strength, label_score, label_both_bad, cited_clauses, correct, created_at, updated_at, item_id, org_id, project_id, constitution_version, priority, standing_at_offer, decline_reason, ended_at, active_seconds, calibration_session_id)
    SELECT id, role, expert_id, slice_id, gold_item_id, assessment_id, position, status, offered_at, accepted_at, submitted_at, due_at, label, label_choice, label_strength, label_score, label_both_bad, cited_clauses, correct, created_at, updated_at, item_id, org_id, project_id, constitution_version, priority, standing_at_offer, decline_reason, ended_at, active_seconds, calibration_session_id FROM assignments;
DROP TABLE assignments;
ALTER TABLE assignments_new RENAME TO assignments;
CREATE INDEX assignments_expert_idx ON assignments (expert_id, status, id);
CREATE INDEX assignments_assessment_idx ON assignments (assessment_id, position);
CREATE UNIQUE INDEX assignments_assessed_gold_idx ON assignments (expert_id, gold_item_id) WHERE role = 'assessment';
CREATE UNIQUE INDEX assignments_item_expert_idx ON assignments (item_id, expert_id) WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX assignments_routed_gold_idx ON assignments (expert_id, gold_item_id) WHERE role = 'annotator';
CREATE INDEX assignments_item_idx ON assignments (item_id, role, status);
CREATE INDEX assignments_due_idx ON assignments (status, due_at);
CREATE INDEX assignments_project_idx ON assignments (project_id, slice_id, offered_at);
CREATE INDEX assignments_calibration_idx ON assignments (calibration_session_id, expert_id);

-- items
CREATE TABLE items_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    project_id          TEXT NOT NULL REFERENCES projects(id),
    slice_id            TEXT NOT NULL REFERENCES slices(id),
    external_id         TEXT NOT NULL,
    payload             TEXT NOT NULL,
    -- The lab's AI judge's confidence in [0, 1], if sent.
    judge_confidence    DOUBLE NULL,
    stakes              TEXT NOT NULL CHECK (stakes IN ('low', 'medium', 'high', 'critical')),
    -- 0 (lowest) to 100 (highest).
    priority            INTEGER NOT NULL,
    deadline_at         TIMESTAMP NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('queued', 'assigned', 'adjudicating', 'resolved', 'cancelled')),
    -- Why the item is in its status (e.g. why it waits in the queue).
    status_reason       TEXT NOT NULL,
    -- Who pushed it: an API key or a user.
    created_by_key      TEXT NULL REFERENCES api_keys(id),
    created_by_user     TEXT NULL REFERENCES users(id),
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    resolved_at         TIMESTAMP NULL, constitution_version INTEGER NULL, resolution TEXT NULL, final_label TEXT NULL, attention_reason TEXT NULL,
    UNIQUE (project_id, external_id)
);
INSERT INTO items_new (id, org_id, project_id, slice_id, external_id, payload, judge_confidence, stakes, priority, deadline_at, status, status_reason, created_by_key, created_by_user, created_at, updated_at, resolved_at, constitution_version, resolution, final_label, attention_reason)
    SELECT id, org_id, project_id, slice_id, external_id, payload, judge_confidence, stakes, priority, deadline_at, status, status_reason, created_by_key, created_by_user, created_at, updated_at, resolved_at, constitution_version, resolution, final_label, attention_reason FROM items;
DROP TABLE items;
ALTER TABLE items_new RENAME TO items;
CREATE INDEX items_org_idx ON items (org_id, id);
CREATE INDEX items_project_idx ON items (project_id, status, id);
CREATE INDEX items_results_idx ON items (project_id, resolved_at, id);
CREATE INDEX items_waiting_idx ON items (slice_id, status, priority DESC, deadline_at, id);

-- work_sessions
CREATE TABLE work_sessions_new (
    id              TEXT PRIMARY KEY NOT NULL,
    assignment_id   TEXT NOT NULL REFERENCES assignments(id),
    expert_id       TEXT NOT NULL REFERENCES experts(id),
    started_at      TIMESTAMP NOT NULL,
    last_beat_at    TIMESTAMP NOT NULL
);
INSERT INTO work_sessions_new (id, assignment_id, expert_id, started_at, last_beat_at)
    SELECT id, assignment_id, expert_id, started_at, last_beat_at FROM work_sessions;
DROP TABLE work_sessions;
ALTER TABLE work_sessions_new RENAME TO work_sessions;
CREATE INDEX work_sessions_assignment_idx ON work_sessions (assignment_id, started_at);

-- routing_decisions
CREATE TABLE routing_decisions_new (
    id          TEXT PRIMARY KEY NOT NULL,
    item_id     TEXT NOT NULL REFERENCES items(id),
    org_id      TEXT NOT NULL REFERENCES orgs(id),
    role        TEXT NOT NULL,
    wanted      INTEGER NOT NULL,
    -- JSON: the chosen experts with their score terms.
    chosen      TEXT NOT NULL,
    -- JSON: per filter, how many candidates it removed.
    removed     TEXT NOT NULL,
    scanned     INTEGER NOT NULL,
    sampled     INTEGER NOT NULL,
    note        TEXT NOT NULL,
    at          TIMESTAMP NOT NULL
);
INSERT INTO routing_decisions_new (id, item_id, org_id, role, wanted, chosen, removed, scanned, sampled, note, at)
    SELECT id, item_id, org_id, role, wanted, chosen, removed, scanned, sampled, note, at FROM routing_decisions;
DROP TABLE routing_decisions;
ALTER TABLE routing_decisions_new RENAME TO routing_decisions;
CREATE INDEX routing_decisions_item_idx ON routing_decisions (item_id, id);

-- webhook_endpoints
CREATE TABLE webhook_endpoints_new (
    id                          TEXT PRIMARY KEY NOT NULL,
    org_id                      TEXT NOT NULL REFERENCES orgs(id),
    url                         TEXT NOT NULL,
    description                 TEXT NOT NULL DEFAULT '',
    -- JSON array of event types.
    events                      TEXT NOT NULL,
    -- Signing secret; after a rotation the previous one also signs until it expires.
    secret                      TEXT NOT NULL,
    previous_secret             TEXT NULL,
    previous_secret_expires_at  TIMESTAMP NULL,
    enabled                     BOOLEAN NOT NULL DEFAULT TRUE,
    created_by                  TEXT NOT NULL REFERENCES users(id),
    created_at                  TIMESTAMP NOT NULL,
    updated_at                  TIMESTAMP NOT NULL,
    deleted_at                  TIMESTAMP NULL
);
INSERT INTO webhook_endpoints_new (id, org_id, url, description, events, secret, previous_secret, previous_secret_expires_at, enabled, created_by, created_at, updated_at, deleted_at)
    SELECT id, org_id, url, description, events, secret, previous_secret, previous_secret_expires_at, enabled, created_by, created_at, updated_at, deleted_at FROM webhook_endpoints;
DROP TABLE webhook_endpoints;
ALTER TABLE webhook_endpoints_new RENAME TO webhook_endpoints;
CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id, id);

-- webhook_deliveries
CREATE TABLE webhook_deliveries_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    endpoint_id         TEXT NOT NULL REFERENCES webhook_endpoints(id),
    event_id            TEXT NOT NULL,
    event_type          TEXT NOT NULL,
    -- The exact body sent on every attempt.
    payload             TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    -- Attempts allowed before it is marked failed (raised by a manual redeliver).
    attempt_limit       INTEGER NOT NULL,
    next_attempt_at     TIMESTAMP NULL,
    last_status_code    INTEGER NULL,
    last_error          TEXT NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    delivered_at        TIMESTAMP NULL
);
INSERT INTO webhook_deliveries_new (id, org_id, endpoint_id, event_id, event_type, payload, status, attempts, attempt_limit, next_attempt_at, last_status_code, last_error, created_at, updated_at, delivered_at)
    SELECT id, org_id, endpoint_id, event_id, event_type, payload, status, attempts, attempt_limit, next_attempt_at, last_status_code, last_error, created_at, updated_at, delivered_at FROM webhook_deliveries;
DROP TABLE webhook_deliveries;
ALTER TABLE webhook_deliveries_new RENAME TO webhook_deliveries;
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id);

-- webhook_attempts
CREATE TABLE webhook_attempts_new (
    id              TEXT PRIMARY KEY NOT NULL,
    delivery_id     TEXT NOT NULL REFERENCES webhook_deliveries(id),
    attempted_at    TIMESTAMP NOT NULL,
    status_code     INTEGER NULL,
    error           TEXT NULL,
    response_body   TEXT NULL,
    duration_ms     BIGINT NOT NULL
);
INSERT INTO webhook_attempts_new (id, delivery_id, attempted_at, status_code, error, response_body, duration_ms)
    SELECT id, delivery_id, attempted_at, status_code, error, response_body, duration_ms FROM webhook_attempts;
DROP TABLE webhook_attempts;
ALTER TABLE webhook_attempts_new RENAME TO webhook_attempts;
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);

-- outcomes
CREATE TABLE outcomes_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    event               TEXT NOT NULL CHECK (event IN ('submitted', 'declined', 'expired', 'resolved', 'gold_checked', 'gold_corrected')),
    org_id              TEXT NULL REFERENCES orgs(id),
    project_id          TEXT NULL REFERENCES projects(id),
    slice_id            TEXT NOT NULL REFERENCES slices(id),
    item_id             TEXT NULL REFERENCES items(id),
    gold_item_id        TEXT NULL REFERENCES gold_items(id),
    assignment_id       TEXT NULL REFERENCES assignments(id),
    expert_id           TEXT NULL REFERENCES experts(id),
    role                TEXT NULL,
    label               TEXT NULL,
    label_choice        TEXT NULL,
    label_strength      BIGINT NULL,
    label_score         BIGINT NULL,
    label_both_bad      BOOLEAN NULL,
    reference           TEXT NULL,
    reference_choice    TEXT NULL,
    reference_strength  BIGINT NULL,
    reference_score     BIGINT NULL,
    reference_both_bad  BOOLEAN NULL,
    correct             BOOLEAN NULL,
    agreed              BOOLEAN NULL,
    resolution          TEXT NULL,
    offered_at          TIMESTAMP NULL,
    accepted_at         TIMESTAMP NULL,
    submitted_at        TIMESTAMP NULL,
    active_seconds      BIGINT NOT NULL,
    occurred_at         TIMESTAMP NOT NULL
);
INSERT INTO outcomes_new (id, event, org_id, project_id, slice_id, item_id, gold_item_id, assignment_id, expert_id, role, label, label_choice, label_strength, label_score, label_both_bad, reference, reference_choice, reference_strength, reference_score, reference_both_bad, correct, agreed, resolution, offered_at, accepted_at, submitted_at, active_seconds, occurred_at)
    SELECT id, event, org_id, project_id, slice_id, item_id, gold_item_id, assignment_id, expert_id, role, label, label_choice, label_strength, label_score, label_both_bad, reference, reference_choice, reference_strength, reference_score, reference_both_bad, correct, agreed, resolution, offered_at, accepted_at, submitted_at, active_seconds, occurred_at FROM outcomes;
DROP TABLE outcomes;
ALTER TABLE outcomes_new RENAME TO outcomes;
CREATE INDEX outcomes_expert_idx ON outcomes (expert_id, slice_id, occurred_at);
CREATE INDEX outcomes_slice_idx ON outcomes (slice_id, occurred_at);
CREATE INDEX outcomes_item_idx ON outcomes (item_id);
CREATE INDEX outcomes_assignment_idx ON outcomes (assignment_id, event);

COMMIT;
PRAGMA foreign_keys = ON;
