ALTER TABLE projects DROP COLUMN expire_overdue_after_hours;
DROP INDEX items_deadline_idx;
DROP INDEX items_waiting_idx;
CREATE INDEX items_waiting_idx ON items (slice_id, status, priority DESC, deadline_at, id);
UPDATE items SET status = 'cancelled' WHERE status = 'expired';
ALTER TABLE items DROP CONSTRAINT items_status_check;
ALTER TABLE items ADD CONSTRAINT items_status_check
    CHECK (status IN ('queued', 'assigned', 'adjudicating', 'resolved', 'cancelled'));
ALTER TABLE items DROP COLUMN overdue_at;
ALTER TABLE items DROP COLUMN urgency;
ALTER TABLE items DROP COLUMN effective_priority;
