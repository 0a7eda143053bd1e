-- Gold items: known answers per slice. A lab's gold belongs to one of its projects; a
-- vendor's is calibration material; the platform's is a slice's qualification pool.
-- Answers are stored as JSON and in typed columns (for scoring).

CREATE TABLE gold_items (
    id                  TEXT PRIMARY KEY,
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
CREATE UNIQUE INDEX gold_items_external_idx ON gold_items (scope, external_id);
CREATE INDEX gold_items_scope_idx ON gold_items (scope, id);
CREATE INDEX gold_items_slice_idx ON gold_items (slice_id, owner_kind);
