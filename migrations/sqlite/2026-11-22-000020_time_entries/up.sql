-- Time entries (README "Measured time"): paid time from server-side evidence only. One
-- entry per submitted assignment, written in the transaction that submits it, with the
-- work sessions it was measured from; never typed in by the expert.
CREATE TABLE time_entries (
    id TEXT PRIMARY KEY NOT NULL,
    expert_id TEXT NOT NULL REFERENCES experts (id),
    -- assignment (later: calibration, assessment)
    source_type TEXT NOT NULL,
    source_id TEXT NOT NULL,
    -- Who pays: the lab (its project's work), a vendor, or the platform.
    payer_type TEXT NOT NULL,
    payer_org_id TEXT NULL REFERENCES orgs (id),
    -- The expert's vendor when the work was done (its admins see the entry).
    vendor_org_id TEXT NULL REFERENCES orgs (id),
    project_id TEXT NULL REFERENCES projects (id),
    slice_id TEXT NOT NULL REFERENCES slices (id),
    role TEXT NOT NULL,
    -- The measured seconds after the per-item cap.
    seconds BIGINT NOT NULL,
    -- Before the cap.
    measured_seconds BIGINT NOT NULL,
    cap_seconds BIGINT NOT NULL,
    idle_limit_secs BIGINT NOT NULL,
    -- JSON [[start, last_beat], …] of the work sessions (RFC 3339, UTC).
    sessions TEXT NOT NULL,
    -- Monday 00:00 UTC of the week the work was submitted in (the timesheet's week).
    week_start TIMESTAMP NOT NULL,
    worked_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX time_entries_source_idx ON time_entries (source_type, source_id);
CREATE INDEX time_entries_expert_idx ON time_entries (expert_id, week_start);
CREATE INDEX time_entries_payer_idx ON time_entries (payer_org_id, week_start);
CREATE INDEX time_entries_vendor_idx ON time_entries (vendor_org_id, week_start);
