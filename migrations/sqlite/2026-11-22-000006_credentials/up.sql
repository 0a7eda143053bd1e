-- Experts' credentials and their evidence files (stored in the database, so API nodes
-- stay stateless). Files are owned by one credential and carry their SHA-256.

CREATE TABLE credentials (
    id              TEXT PRIMARY KEY,
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
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX credentials_expert_idx ON credentials (expert_id, id);

CREATE TABLE evidence_files (
    id              TEXT PRIMARY KEY,
    credential_id   TEXT NOT NULL REFERENCES credentials(id),
    expert_id       TEXT NOT NULL REFERENCES experts(id),
    filename        TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size_bytes      BIGINT NOT NULL,
    sha256          TEXT NOT NULL,
    content         BLOB NOT NULL,
    created_at      TIMESTAMP NOT NULL
);
CREATE INDEX evidence_files_credential_idx ON evidence_files (credential_id, id);
