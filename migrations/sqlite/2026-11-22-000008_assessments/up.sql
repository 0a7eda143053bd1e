-- Per-slice standing of an expert (slice status and tier; DESIGN "Two kinds of status"),
-- its history, qualification assessments, and assignments (an item or gold item given to
-- one expert in a role; assessments use the role `assessment`).

CREATE TABLE slice_standings (
    id                  TEXT PRIMARY KEY,
    expert_id           TEXT NOT NULL REFERENCES experts(id),
    slice_id            TEXT NOT NULL REFERENCES slices(id),
    status              TEXT NOT NULL CHECK (status IN ('none', 'probation', 'qualified', 'suspended')),
    status_reason       TEXT NOT NULL,
    status_changed_at   TIMESTAMP NOT NULL,
    tier                TEXT NOT NULL CHECK (tier IN ('annotator', 'senior', 'adjudicator')),
    tier_changed_at     TIMESTAMP NOT NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    UNIQUE (expert_id, slice_id)
);
CREATE INDEX slice_standings_slice_idx ON slice_standings (slice_id, status, tier);

CREATE TABLE slice_standing_events (
    id          TEXT PRIMARY KEY,
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
CREATE INDEX slice_standing_events_expert_idx ON slice_standing_events (expert_id, slice_id, id);

CREATE TABLE assessments (
    id              TEXT PRIMARY KEY,
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
CREATE INDEX assessments_expert_idx ON assessments (expert_id, slice_id, id);
CREATE INDEX assessments_due_idx ON assessments (status, due_at);
-- At most one assessment in progress per expert and slice, even under concurrent starts.
CREATE UNIQUE INDEX assessments_one_open_idx ON assessments (expert_id, slice_id) WHERE status = 'in_progress';

CREATE TABLE assignments (
    id              TEXT PRIMARY KEY,
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
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX assignments_expert_idx ON assignments (expert_id, status, id);
CREATE INDEX assignments_assessment_idx ON assignments (assessment_id, position);
-- An assessment never repeats a gold item the expert has already been assessed on.
CREATE UNIQUE INDEX assignments_assessed_gold_idx ON assignments (expert_id, gold_item_id) WHERE role = 'assessment';

INSERT INTO job_schedules (kind, queue, next_run_at) VALUES ('assessments.close_overdue', 'default', '1970-01-01 00:00:00');
