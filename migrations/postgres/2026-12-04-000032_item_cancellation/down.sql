UPDATE assignments SET status = 'expired' WHERE status = 'cancelled';
ALTER TABLE assignments DROP CONSTRAINT assignments_status_check;
ALTER TABLE assignments ADD CONSTRAINT assignments_status_check
    CHECK (status IN ('offered', 'accepted', 'submitted', 'expired', 'declined'));
