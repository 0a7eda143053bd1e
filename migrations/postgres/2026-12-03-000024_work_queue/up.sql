-- The work queue (expert pull and event-driven routing): an expert's `next` reads the
-- waiting items of their slices in queue order (priority, then deadline, then age), so
-- the index serves that order directly instead of sorting a backlog on every pull.
CREATE INDEX items_waiting_idx ON items (slice_id, status, priority DESC, deadline_at, id);
DROP INDEX items_queue_idx;
-- The queue's hot tables change many times a second under a backlog: every item taken
-- leaves a dead index entry at the head of items_waiting_idx, exactly where every pull
-- starts reading. Vacuum them after a fixed number of changes, not after 20 % of the table
-- (the default, which lets a 20,000-item backlog accumulate 4,000 dead entries first).
ALTER TABLE items SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 500,
  autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE assignments SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 1000);
ALTER TABLE experts SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 500);
ALTER TABLE slice_standings SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 500);
ALTER TABLE score_profiles SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 500);
