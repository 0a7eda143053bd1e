-- Score profiles (README "Scores"): per expert, per slice, per metric, the decayed tally of
-- observations scoring has drawn from the outcomes table, as of `as_of`. Kept current in the
-- transaction that appends the outcomes; `cadre scores recompute` rebuilds it from outcomes.
CREATE TABLE score_profiles (
    id TEXT PRIMARY KEY NOT NULL,
    expert_id TEXT NOT NULL REFERENCES experts (id),
    slice_id TEXT NOT NULL REFERENCES slices (id),
    metric TEXT NOT NULL,
    successes DOUBLE NOT NULL DEFAULT 0,
    failures DOUBLE NOT NULL DEFAULT 0,
    n BIGINT NOT NULL DEFAULT 0,
    as_of TIMESTAMP NULL,
    -- co_annotator_agreement: [[own class, co-annotator's class, decayed weight], ...]
    pairs TEXT NOT NULL DEFAULT '[]',
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (expert_id, slice_id, metric)
);
CREATE INDEX score_profiles_slice_idx ON score_profiles (slice_id, metric);
-- Scoring reads an assignment's gold verdicts (an overturned gold answer corrects them).
CREATE INDEX outcomes_assignment_idx ON outcomes (assignment_id, event);
