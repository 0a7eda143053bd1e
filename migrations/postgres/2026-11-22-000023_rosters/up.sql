-- Vendor rosters (README "Vendor rosters"): invitations into a roster, and the history of
-- every expert's roster memberships. experts.vendor_id stays the current roster (every
-- query that scopes by roster reads it); roster_memberships is its history.

-- An invitation into a vendor's roster, sent by e-mail; single use, expiring. An existing
-- expert accepts it (leaving another roster only with their explicit consent); a new
-- expert applies with it (POST /v1/experts/me, `roster_invitation`).
CREATE TABLE roster_invitations (
    id TEXT PRIMARY KEY NOT NULL,
    vendor_org_id TEXT NOT NULL REFERENCES orgs (id),
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    message TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP NULL,
    accepted_by_expert TEXT NULL REFERENCES experts (id),
    declined_at TIMESTAMP NULL,
    revoked_at TIMESTAMP NULL
);
CREATE INDEX roster_invitations_vendor ON roster_invitations (vendor_org_id, created_at);
CREATE INDEX roster_invitations_email ON roster_invitations (email_normalized);

-- One row per stay on a roster; left_at NULL is the current one (at most one per expert).
CREATE TABLE roster_memberships (
    id TEXT PRIMARY KEY NOT NULL,
    expert_id TEXT NOT NULL REFERENCES experts (id),
    vendor_org_id TEXT NOT NULL REFERENCES orgs (id),
    -- applied (with an invitation, or before invitations existed), invitation, transfer
    joined_via TEXT NOT NULL CHECK (joined_via IN ('applied', 'invitation', 'transfer')),
    invitation_id TEXT NULL REFERENCES roster_invitations (id),
    joined_at TIMESTAMP NOT NULL,
    left_at TIMESTAMP NULL,
    -- removed (by the vendor), left (the expert), transferred (to another roster)
    left_reason TEXT NULL CHECK (left_reason IN ('removed', 'left', 'transferred')),
    left_note TEXT NULL,
    left_by TEXT NULL REFERENCES users (id)
);
CREATE INDEX roster_memberships_expert ON roster_memberships (expert_id, joined_at);
CREATE INDEX roster_memberships_vendor ON roster_memberships (vendor_org_id, joined_at);
CREATE UNIQUE INDEX roster_memberships_current ON roster_memberships (expert_id) WHERE left_at IS NULL;

-- Experts already on a roster: their stay began when they applied.
INSERT INTO roster_memberships (id, expert_id, vendor_org_id, joined_via, joined_at)
SELECT 'rom_' || substr(id, 5), id, vendor_id, 'applied', created_at
FROM experts WHERE vendor_id IS NOT NULL;
