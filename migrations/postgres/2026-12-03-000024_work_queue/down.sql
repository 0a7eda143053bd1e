DROP INDEX items_waiting_idx;
CREATE INDEX items_queue_idx ON items (slice_id, status, priority, deadline_at);
ALTER TABLE items RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor);
ALTER TABLE assignments RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold);
ALTER TABLE experts RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold);
ALTER TABLE slice_standings RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold);
ALTER TABLE score_profiles RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold);
