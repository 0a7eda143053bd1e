-- Appeals (README "Appeals"): an expert contests a sanction (a suspension) or a gold
-- answer their own answer was marked wrong against; an admin upholds or overturns it.
CREATE TABLE appeals (
    id TEXT PRIMARY KEY NOT NULL,
    expert_id TEXT NOT NULL REFERENCES experts (id),
    slice_id TEXT NOT NULL REFERENCES slices (id),
    -- sanction | gold_answer
    kind TEXT NOT NULL,
    -- The standing event (a suspension) or the assignment (a gold check) appealed.
    subject_id TEXT NOT NULL,
    gold_item_id TEXT NULL REFERENCES gold_items (id),
    -- Whose admins decide besides platform admins: the expert's vendor (sanctions) or the
    -- gold item's owner (gold answers); NULL: platform admins only.
    decider_org_id TEXT NULL REFERENCES orgs (id),
    explanation TEXT NOT NULL,
    -- open | upheld | overturned
    status TEXT NOT NULL,
    decision_reason TEXT NULL,
    decided_by TEXT NULL,
    decided_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL
);
-- One open appeal per subject.
CREATE UNIQUE INDEX appeals_open_subject_idx ON appeals (subject_id) WHERE status = 'open';
CREATE INDEX appeals_expert_idx ON appeals (expert_id, id);
CREATE INDEX appeals_decider_idx ON appeals (decider_org_id, id);

-- An overturned gold answer appends `gold_corrected` outcomes (outcomes are never edited).
ALTER TABLE outcomes DROP CONSTRAINT outcomes_event_check;
ALTER TABLE outcomes ADD CONSTRAINT outcomes_event_check
    CHECK (event IN ('submitted', 'declined', 'expired', 'resolved', 'gold_checked', 'gold_corrected'));
