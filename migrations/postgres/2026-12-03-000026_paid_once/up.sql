-- An expert's paid time is the union of their active sessions (issue 21): each entry keeps
-- the intervals it actually paid, and how much of its own measured time another entry of the
-- same expert had already paid (concurrent work on several assignments is paid once).
ALTER TABLE time_entries ADD COLUMN paid_sessions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE time_entries ADD COLUMN concurrent_seconds BIGINT NOT NULL DEFAULT 0;
CREATE INDEX time_entries_expert_worked_idx ON time_entries (expert_id, worked_at);
