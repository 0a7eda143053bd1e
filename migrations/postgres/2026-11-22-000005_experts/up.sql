-- Experts: one profile per expert user, its vetting status, and the history of status changes.

CREATE TABLE experts (
    id                  TEXT PRIMARY KEY,
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
    updated_at          TIMESTAMP NOT NULL
);
CREATE INDEX experts_vendor_idx ON experts (vendor_id, id);
CREATE INDEX experts_status_idx ON experts (vetting_status, id);

CREATE TABLE vetting_transitions (
    id          TEXT PRIMARY KEY,
    expert_id   TEXT NOT NULL REFERENCES experts(id),
    from_status TEXT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    actor_type  TEXT NOT NULL,
    actor_id    TEXT NULL,
    at          TIMESTAMP NOT NULL
);
CREATE INDEX vetting_transitions_expert_idx ON vetting_transitions (expert_id, id);
