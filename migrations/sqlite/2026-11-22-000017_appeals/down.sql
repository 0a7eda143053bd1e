DELETE FROM outcomes WHERE event = 'gold_corrected';
-- SQLite cannot alter a CHECK constraint: rebuild the table with the same columns.
CREATE TABLE outcomes_new (
    id                  TEXT PRIMARY KEY,
    event               TEXT NOT NULL CHECK (event IN ('submitted', 'declined', 'expired', 'resolved', 'gold_checked')),
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
INSERT INTO outcomes_new SELECT * FROM outcomes;
DROP TABLE outcomes;
ALTER TABLE outcomes_new RENAME TO outcomes;
CREATE INDEX outcomes_expert_idx ON outcomes (expert_id, slice_id, occurred_at);
CREATE INDEX outcomes_slice_idx ON outcomes (slice_id, occurred_at);
CREATE INDEX outcomes_item_idx ON outcomes (item_id);
CREATE INDEX outcomes_assignment_idx ON outcomes (assignment_id, event);
DROP TABLE appeals;
