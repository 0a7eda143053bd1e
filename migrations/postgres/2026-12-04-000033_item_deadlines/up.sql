-- Deadlines that mean something (issue 25, part 1; README "Deadlines").
--
-- `urgency` is the step of the priority curve an open item has reached: 0 more than 24 h
-- before its deadline, 1 within 24 h, 2 within 4 h, 3 within 1 h, 4 past it (overdue).
-- `effective_priority` is the priority routing orders by: the lab's priority plus the
-- step's boost (0, 10, 25, 50, 75). Both are set on ingestion and update and raised by the
-- `routing.deadlines` job when an item crosses a step; `overdue_at` is when the job found
-- it past its deadline (the `item.deadline_missed` event was sent then).
-- `expired`: an overdue item the project's `expire_overdue_after_hours` ended.
ALTER TABLE items ADD COLUMN effective_priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN urgency INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN overdue_at TIMESTAMP NULL;
UPDATE items SET effective_priority = priority;
ALTER TABLE items DROP CONSTRAINT items_status_check;
ALTER TABLE items ADD CONSTRAINT items_status_check
    CHECK (status IN ('queued', 'assigned', 'adjudicating', 'resolved', 'cancelled', 'expired'));
-- The work queue reads waiting items by effective priority (then deadline, then age).
DROP INDEX items_waiting_idx;
CREATE INDEX items_waiting_idx ON items (slice_id, status, effective_priority DESC, deadline_at, id);
-- The deadline job reads open items below a step whose deadline is near: only those.
CREATE INDEX items_deadline_idx ON items (urgency, deadline_at)
    WHERE status IN ('queued', 'assigned', 'adjudicating');
-- Hours after its deadline an overdue, unresolved item expires (NULL: never).
ALTER TABLE projects ADD COLUMN expire_overdue_after_hours INTEGER NULL;
