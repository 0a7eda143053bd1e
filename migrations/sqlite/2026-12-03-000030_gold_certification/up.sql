-- Whose gold counts where (issue 21): a lab's gold item counts in a shared slice's standing
-- only once a platform admin has certified it; until then its answers feed the expert's
-- standing with that lab alone (lab_standings), which routing applies to the lab's projects.
ALTER TABLE gold_items ADD COLUMN certified_at TIMESTAMP NULL;
ALTER TABLE gold_items ADD COLUMN certified_by TEXT NULL;

-- Per (expert, slice, lab): the decayed tally of the lab's uncertified gold answers in a
-- slice the lab does not own, and whether that evidence bars the expert from the lab's
-- projects in the slice (status 'active' or 'suspended').
CREATE TABLE lab_standings (
    id TEXT PRIMARY KEY NOT NULL,
    expert_id TEXT NOT NULL REFERENCES experts (id),
    slice_id TEXT NOT NULL REFERENCES slices (id),
    org_id TEXT NOT NULL REFERENCES orgs (id),
    successes DOUBLE NOT NULL DEFAULT 0,
    failures DOUBLE NOT NULL DEFAULT 0,
    n BIGINT NOT NULL DEFAULT 0,
    as_of TIMESTAMP NULL,
    status TEXT NOT NULL DEFAULT 'active',
    status_reason TEXT NOT NULL DEFAULT '',
    status_changed_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (expert_id, slice_id, org_id)
);
CREATE INDEX lab_standings_org_idx ON lab_standings (org_id, slice_id, status);
