-- Calibration sessions (README "Calibration sessions"): a fixed set of gold items with
-- reference answers in one slice, answered by participants through `calibration` assignments
-- within a window. Sessions on the same set share `set_key`, so repeats measure drift.
CREATE TABLE calibration_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    -- The vendor running it; NULL: the platform (including corrective sessions).
    org_id TEXT NULL REFERENCES orgs (id),
    slice_id TEXT NOT NULL REFERENCES slices (id),
    title TEXT NOT NULL,
    set_key TEXT NOT NULL,
    gold_item_ids TEXT NOT NULL,
    pass_threshold DOUBLE PRECISION NOT NULL,
    opens_at TIMESTAMP NOT NULL,
    closes_at TIMESTAMP NOT NULL,
    -- open | closed
    status TEXT NOT NULL,
    -- manual | repeat | corrective
    origin TEXT NOT NULL,
    reason TEXT NOT NULL,
    repeat_of TEXT NULL,
    created_by TEXT NULL,
    created_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP NULL
);
CREATE INDEX calibration_sessions_org_idx ON calibration_sessions (org_id, id);
CREATE INDEX calibration_sessions_set_idx ON calibration_sessions (set_key, id);
CREATE INDEX calibration_sessions_due_idx ON calibration_sessions (status, closes_at);

CREATE TABLE calibration_participants (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES calibration_sessions (id),
    expert_id TEXT NOT NULL REFERENCES experts (id),
    -- invited | completed | incomplete (the window closed first)
    status TEXT NOT NULL,
    answered INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL,
    passed BOOLEAN NULL,
    completed_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (session_id, expert_id)
);
CREATE INDEX calibration_participants_expert_idx ON calibration_participants (expert_id, session_id);

ALTER TABLE assignments ADD COLUMN calibration_session_id TEXT NULL REFERENCES calibration_sessions (id);
CREATE INDEX assignments_calibration_idx ON assignments (calibration_session_id, expert_id);

-- The last health check of each slice's reliability, so owners are warned once per change.
CREATE TABLE slice_health (
    slice_id TEXT PRIMARY KEY NOT NULL REFERENCES slices (id),
    health TEXT NOT NULL,
    alpha DOUBLE PRECISION NULL,
    items INTEGER NOT NULL,
    checked_at TIMESTAMP NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    corrective_session_id TEXT NULL
);

INSERT INTO job_schedules (kind, queue, next_run_at) VALUES ('scoring.sweep', 'default', '1970-01-01 00:00:00');
