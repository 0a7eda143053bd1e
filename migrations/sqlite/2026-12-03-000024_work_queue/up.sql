-- The work queue (expert pull and event-driven routing): an expert's `next` reads the
-- waiting items of their slices in queue order (priority, then deadline, then age), so
-- the index serves that order directly instead of sorting a backlog on every pull.
CREATE INDEX items_waiting_idx ON items (slice_id, status, priority DESC, deadline_at, id);
DROP INDEX items_queue_idx;
-- (PostgreSQL also tunes autovacuum for the queue's hot tables here; SQLite keeps no dead
-- row versions, so it has nothing to tune.)
