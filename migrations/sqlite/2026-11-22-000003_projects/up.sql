-- Lab projects, the slices they use, and their versioned constitutions.

CREATE TABLE projects (
    id                      TEXT PRIMARY KEY,
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
    updated_at              TIMESTAMP NOT NULL
);
CREATE INDEX projects_org_idx ON projects (org_id, id);
CREATE INDEX projects_domain_idx ON projects (domain_id);

CREATE TABLE project_slices (
    id                  TEXT PRIMARY KEY,
    project_id          TEXT NOT NULL REFERENCES projects(id),
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    slice_id            TEXT NOT NULL REFERENCES slices(id),
    min_qualification   TEXT NOT NULL CHECK (min_qualification IN ('probation', 'qualified')),
    created_at          TIMESTAMP NOT NULL,
    UNIQUE (project_id, slice_id)
);
CREATE INDEX project_slices_slice_idx ON project_slices (slice_id);

CREATE TABLE constitutions (
    id              TEXT PRIMARY KEY,
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

CREATE TABLE constitution_clauses (
    id                  TEXT PRIMARY KEY,
    constitution_id     TEXT NOT NULL REFERENCES constitutions(id),
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    clause_id           TEXT NOT NULL,
    position            INTEGER NOT NULL,
    text                TEXT NOT NULL,
    examples            TEXT NOT NULL,
    counter_examples    TEXT NOT NULL,
    UNIQUE (constitution_id, clause_id)
);
