DELETE FROM outcomes WHERE event = 'gold_corrected';
ALTER TABLE outcomes DROP CONSTRAINT outcomes_event_check;
ALTER TABLE outcomes ADD CONSTRAINT outcomes_event_check
    CHECK (event IN ('submitted', 'declined', 'expired', 'resolved', 'gold_checked'));
DROP TABLE appeals;
