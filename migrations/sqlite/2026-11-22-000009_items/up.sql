-- Escalated items a lab's pipeline pushes into a project. The lab's external id makes
-- ingestion idempotent per project. Routing moves an item from `queued` on.

CREATE TABLE items (
    id                  TEXT PRIMARY KEY,
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
    resolved_at         TIMESTAMP NULL,
    UNIQUE (project_id, external_id)
);
CREATE INDEX items_org_idx ON items (org_id, id);
CREATE INDEX items_project_idx ON items (project_id, status, id);
CREATE INDEX items_queue_idx ON items (slice_id, status, priority, deadline_at);
