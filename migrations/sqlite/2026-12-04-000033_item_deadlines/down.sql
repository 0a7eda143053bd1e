-- Back to items before deadlines: expired items read as cancelled.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

ALTER TABLE projects DROP COLUMN expire_overdue_after_hours;
UPDATE items SET status = 'cancelled' WHERE status = 'expired';
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
    status              TEXT NOT NULL CHECK (status IN ('queued', 'assigned', 'adjudicating', 'resolved', 'cancelled')),
    -- Why the item is in its status (e.g. why it waits in the queue).
    status_reason       TEXT NOT NULL,
    -- Who pushed it: an API key or a user.
    created_by_key      TEXT NULL REFERENCES api_keys(id),
    created_by_user     TEXT NULL REFERENCES users(id),
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    resolved_at         TIMESTAMP NULL, constitution_version INTEGER NULL, resolution TEXT NULL, final_label TEXT NULL, attention_reason TEXT NULL,
    UNIQUE (project_id, external_id)
);
INSERT INTO items_new (id, org_id, project_id, slice_id, external_id, payload, judge_confidence, stakes, priority, deadline_at, status, status_reason, created_by_key, created_by_user, created_at, updated_at, resolved_at, constitution_version, resolution, final_label, attention_reason)
    SELECT id, org_id, project_id, slice_id, external_id, payload, judge_confidence, stakes, priority, deadline_at, status, status_reason, created_by_key, created_by_user, created_at, updated_at, resolved_at, constitution_version, resolution, final_label, attention_reason FROM items;
DROP TABLE items;
ALTER TABLE items_new RENAME TO items;
CREATE INDEX items_org_idx ON items (org_id, id);
CREATE INDEX items_project_idx ON items (project_id, status, id);
CREATE INDEX items_results_idx ON items (project_id, resolved_at, id);
CREATE INDEX items_waiting_idx ON items (slice_id, status, priority DESC, deadline_at, id);

COMMIT;
PRAGMA foreign_keys = ON;
