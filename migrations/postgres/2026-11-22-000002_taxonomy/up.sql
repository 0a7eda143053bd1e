-- Rubric domains (a tree with inherited credential requirements), capability slices
-- (shared or lab-private, each with a label schema), and versioned constitutions.

CREATE TABLE domains (
    id          TEXT PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    parent_id   TEXT NULL REFERENCES domains(id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX domains_parent_idx ON domains (parent_id);

-- A domain requires a verified, unexpired credential of `kind` in `field`; children inherit.
CREATE TABLE domain_requirements (
    id          TEXT PRIMARY KEY,
    domain_id   TEXT NOT NULL REFERENCES domains(id),
    kind        TEXT NOT NULL,
    field       TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (domain_id, kind, field)
);

CREATE TABLE slices (
    id                  TEXT PRIMARY KEY,
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
CREATE INDEX slices_domain_idx ON slices (domain_id);
CREATE INDEX slices_org_idx ON slices (org_id, id);
