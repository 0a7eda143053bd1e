-- Back to the statuses before cancellation: cancelled assignments read as expired.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

UPDATE assignments SET status = 'expired' WHERE status = 'cancelled';

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

COMMIT;
PRAGMA foreign_keys = ON;
