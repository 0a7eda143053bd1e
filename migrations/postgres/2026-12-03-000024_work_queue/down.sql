DROP INDEX items_waiting_idx;
CREATE INDEX items_queue_idx ON items (slice_id, status, priority, deadline_at);
