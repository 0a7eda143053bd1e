-- Deadlines that mean something (issue 25, part 1; README "Deadlines").
--
-- `urgency` is the step of the priority curve an open item has reached: 0 more than 24 h
-- before its deadline, 1 within 24 h, 2 within 4 h, 3 within 1 h, 4 past it (overdue).
-- `effective_priority` is the priority routing orders by: the lab's priority plus the
-- step's boost (0, 10, 25, 50, 75). Both are set on ingestion and update and raised by the
-- `routing.deadlines` job when an item crosses a step; `overdue_at` is when the job found
-- it past its deadline (the `item.deadline_missed` event was sent then).
-- `expired`: an overdue item the project's `expire_overdue_after_hours` ended.
--
-- SQLite cannot change a CHECK constraint: the items table is rebuilt with its definition
-- unchanged but for the new status and columns, its rows copied and its indexes
-- re-created, as in 2026-12-04-000032_item_cancellation (foreign keys off outside diesel's
-- transaction, see metadata.toml; the copy keeps every key).
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE items_new (
    id                  TEXT PRIMARY KEY NOT NULL,
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    project_id          TEXT NOT NULL REFERENCES projects(id),
    slice_id            TEXT NOT NULL REFERENCES slices(id),
    external_id         TEXT NOT NULL,
    payload             TEXT NOT NULL,
    -- The lab's AI judge's confidence in [0, 1], if sent.
    judge_confidence    DOUBLE NULL,
    stakes              TEXT NOT NULL CHECK (stakes IN ('low', 'medium', 'high', 'critical')),
    -- 0 (lowest) to 100 (highest).
    priority            INTEGER NOT NULL,
    deadline_at         TIMESTAMP NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('queued', 'assigned', 'adjudicating', 'resolved', 'cancelled', 'expired')),
    -- Why the item is in its status (e.g. why it waits in the queue).
    status_reason       TEXT NOT NULL,
    -- Who pushed it: an API key or a user.
    created_by_key      TEXT NULL REFERENCES api_keys(id),
    created_by_user     TEXT NULL REFERENCES users(id),
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    resolved_at         TIMESTAMP NULL, constitution_version INTEGER NULL, resolution TEXT NULL, final_label TEXT NULL, attention_reason TEXT NULL,
    effective_priority  INTEGER NOT NULL DEFAULT 0,
    urgency             INTEGER NOT NULL DEFAULT 0,
    overdue_at          TIMESTAMP NULL,
    UNIQUE (project_id, external_id)
);
INSERT INTO items_new (id, org_id, project_id, slice_id, external_id, payload, judge_confidence, stakes, priority, deadline_at, status, status_reason, created_by_key, created_by_user, created_at, updated_at, resolved_at, constitution_version, resolution, final_label, attention_reason, effective_priority, urgency, overdue_at)
    SELECT id, org_id, project_id, slice_id, external_id, payload, judge_confidence, stakes, priority, deadline_at, status, status_reason, created_by_key, created_by_user, created_at, updated_at, resolved_at, constitution_version, resolution, final_label, attention_reason, priority, 0, NULL FROM items;
DROP TABLE items;
ALTER TABLE items_new RENAME TO items;
CREATE INDEX items_org_idx ON items (org_id, id);
CREATE INDEX items_project_idx ON items (project_id, status, id);
CREATE INDEX items_results_idx ON items (project_id, resolved_at, id);
-- The work queue reads waiting items by effective priority (then deadline, then age).
CREATE INDEX items_waiting_idx ON items (slice_id, status, effective_priority DESC, deadline_at, id);
-- The deadline job reads open items below a step whose deadline is near: only those.
CREATE INDEX items_deadline_idx ON items (urgency, deadline_at)
    WHERE status IN ('queued', 'assigned', 'adjudicating');

-- Hours after its deadline an overdue, unresolved item expires (NULL: never).
ALTER TABLE projects ADD COLUMN expire_overdue_after_hours INTEGER NULL;

COMMIT;
PRAGMA foreign_keys = ON;
