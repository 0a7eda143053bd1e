DROP INDEX orgs_approval_idx;
ALTER TABLE orgs DROP COLUMN trusted_reviewer;
ALTER TABLE orgs DROP COLUMN approval_decided_by;
ALTER TABLE orgs DROP COLUMN approval_decided_at;
ALTER TABLE orgs DROP COLUMN approval_reason;
ALTER TABLE orgs DROP COLUMN approval_status;
