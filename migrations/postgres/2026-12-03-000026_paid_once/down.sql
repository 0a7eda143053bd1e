DROP INDEX time_entries_expert_worked_idx;
ALTER TABLE time_entries DROP COLUMN concurrent_seconds;
ALTER TABLE time_entries DROP COLUMN paid_sessions;
