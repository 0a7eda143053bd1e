-- The results feed reads a project's resolved items in resolution order.
CREATE INDEX items_results_idx ON items (project_id, resolved_at, id);
