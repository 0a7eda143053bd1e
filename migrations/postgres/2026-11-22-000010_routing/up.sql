-- Routing (DESIGN "Routing", "Outcomes"): the per-slice candidate table (slice standings with
-- each expert's accuracy posterior and the upper bound of their routing score, indexed so a
-- routing decision scans the best candidates first), assignments of items, work sessions,
-- the outcomes table that scoring and payment read, and recorded routing decisions.

ALTER TABLE projects ADD COLUMN show_judge_confidence BOOLEAN NOT NULL DEFAULT FALSE;

-- Open (offered or accepted) item assignments of the expert, kept by conditional updates so
-- concurrent routing never exceeds the cap.
ALTER TABLE experts ADD COLUMN open_assignments INTEGER NOT NULL DEFAULT 0;

-- Beta(alpha, beta) posterior of the expert's accuracy in the slice, and the upper bound of
-- its Thompson sample (min(1, mean + 4 sd)); routing scans candidates by that bound.
ALTER TABLE slice_standings ADD COLUMN alpha DOUBLE PRECISION NOT NULL DEFAULT 1;
ALTER TABLE slice_standings ADD COLUMN beta DOUBLE PRECISION NOT NULL DEFAULT 1;
ALTER TABLE slice_standings ADD COLUMN score_bound DOUBLE PRECISION NOT NULL DEFAULT 1;
CREATE INDEX slice_standings_routing_idx ON slice_standings (slice_id, score_bound DESC, expert_id);

ALTER TABLE items ADD COLUMN constitution_version INTEGER NULL;
-- How the item resolved: agreement, adjudication or disagreement (adjudication off).
ALTER TABLE items ADD COLUMN resolution TEXT NULL;
ALTER TABLE items ADD COLUMN final_label TEXT NULL;

ALTER TABLE assignments ADD COLUMN item_id TEXT NULL REFERENCES items(id);
ALTER TABLE assignments ADD COLUMN org_id TEXT NULL REFERENCES orgs(id);
ALTER TABLE assignments ADD COLUMN project_id TEXT NULL REFERENCES projects(id);
ALTER TABLE assignments ADD COLUMN constitution_version INTEGER NULL;
ALTER TABLE assignments ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
-- The expert's slice status when offered (the probation share counts it).
ALTER TABLE assignments ADD COLUMN standing_at_offer TEXT NULL;
ALTER TABLE assignments ADD COLUMN decline_reason TEXT NULL;
-- When it was declined or expired.
ALTER TABLE assignments ADD COLUMN ended_at TIMESTAMP NULL;
ALTER TABLE assignments ADD COLUMN active_seconds BIGINT NULL;
-- One expert is never on one item twice (whatever the role or status).
CREATE UNIQUE INDEX assignments_item_expert_idx ON assignments (item_id, expert_id) WHERE item_id IS NOT NULL;
-- A routed gold item is never shown to the same expert twice.
CREATE UNIQUE INDEX assignments_routed_gold_idx ON assignments (expert_id, gold_item_id) WHERE role = 'annotator';
CREATE INDEX assignments_item_idx ON assignments (item_id, role, status);
CREATE INDEX assignments_due_idx ON assignments (status, due_at);
CREATE INDEX assignments_project_idx ON assignments (project_id, slice_id, offered_at);

-- Heartbeat-covered intervals of work on an assignment (DESIGN "Money rules").
CREATE TABLE work_sessions (
    id              TEXT PRIMARY KEY,
    assignment_id   TEXT NOT NULL REFERENCES assignments(id),
    expert_id       TEXT NOT NULL REFERENCES experts(id),
    started_at      TIMESTAMP NOT NULL,
    last_beat_at    TIMESTAMP NOT NULL
);
CREATE INDEX work_sessions_assignment_idx ON work_sessions (assignment_id, started_at);

-- Append-only: what happened to each assignment and item (DESIGN "Outcomes").
CREATE TABLE outcomes (
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
CREATE INDEX outcomes_expert_idx ON outcomes (expert_id, slice_id, occurred_at);
CREATE INDEX outcomes_slice_idx ON outcomes (slice_id, occurred_at);
CREATE INDEX outcomes_item_idx ON outcomes (item_id);

-- Every routing decision with its filters and score terms (the explanation labs read).
CREATE TABLE routing_decisions (
    id          TEXT PRIMARY KEY,
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
CREATE INDEX routing_decisions_item_idx ON routing_decisions (item_id, id);

INSERT INTO job_schedules (kind, queue, next_run_at) VALUES ('routing.sweep', 'default', '1970-01-01 00:00:00');
