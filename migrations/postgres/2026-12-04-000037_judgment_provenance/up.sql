-- Provenance of a judgment (issue 25, part 6): the expert's standing in the slice when they
-- submitted it, as the results feed, export and DPO file report it. One JSON object
-- `{"status", "tier", "gold_lower_bound", "gold_answers"}`: status and tier as
-- slice_standings held them; the gold-accuracy lower bound (decayed posterior, the
-- configured credible level; null before any gold answer) and the decayed number of gold
-- answers behind it, read before the submission's own outcome is recorded. NULL for
-- judgments submitted before this migration (not reconstructed).
ALTER TABLE assignments ADD COLUMN standing_at_submit TEXT NULL;

-- slice.reliability_low (issue 25, part 5): when a project's reliability in one of its
-- slices fell below `scoring.reliability_healthy`; the lab's pipeline hears of it once,
-- and again only after it recovered (the column is cleared when the slice is healthy).
ALTER TABLE project_slices ADD COLUMN reliability_low_since TIMESTAMP NULL;
