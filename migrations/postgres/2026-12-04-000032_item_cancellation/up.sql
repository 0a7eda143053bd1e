-- A lab can cancel an item (POST /v1/items/{item}/cancel): its open assignments end as
-- `cancelled` (not `declined` or `expired`: nothing the expert did, so no outcome and no
-- score effect), and the measured time already worked is paid through a time entry.
ALTER TABLE assignments DROP CONSTRAINT assignments_status_check;
ALTER TABLE assignments ADD CONSTRAINT assignments_status_check
    CHECK (status IN ('offered', 'accepted', 'submitted', 'expired', 'declined', 'cancelled'));
