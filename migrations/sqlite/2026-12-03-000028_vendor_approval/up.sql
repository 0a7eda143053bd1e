-- Approved vendors (issue 21, "Separation of duties"): a vendor organisation starts
-- `pending`; a platform admin approves or rejects it. Until approved its admins may invite
-- and prepare a roster but not vet, review credentials, set slice status or tier or run
-- calibration, and experts on its roster receive no lab work.
--
-- Existing organisations are kept `approved` (the column default): an upgrade must not cut
-- off a roster that is already working, and the operator who ran these vendors already
-- trusted them. New vendors are inserted `pending` by the application; labs are always
-- `approved` (labs are not subject to approval).
--
-- `trusted_reviewer`: the platform counts this vendor's credential verifications (a
-- platform-admin decision, audited). Off for everyone, existing vendors included: until a
-- platform admin marks a vendor trusted, a platform admin verifies its experts' credentials.
ALTER TABLE orgs ADD COLUMN approval_status TEXT NOT NULL DEFAULT 'approved';
ALTER TABLE orgs ADD COLUMN approval_reason TEXT;
ALTER TABLE orgs ADD COLUMN approval_decided_at TIMESTAMP;
ALTER TABLE orgs ADD COLUMN approval_decided_by TEXT;
ALTER TABLE orgs ADD COLUMN trusted_reviewer BOOLEAN NOT NULL DEFAULT 0;
CREATE INDEX orgs_approval_idx ON orgs (kind, approval_status, id);
