-- A project's budget (README "Budget"): where its projected spend stands against its cap
-- (`ok`, `warning` at 80 %, `reached`: routing offers no new work for the project), and
-- whether each budget webhook event may still be sent (one per crossing; re-armed when
-- the lab raises the cap above the projected spend).
ALTER TABLE projects ADD COLUMN budget_state TEXT NOT NULL DEFAULT 'ok' CHECK (budget_state IN ('ok', 'warning', 'reached'));
ALTER TABLE projects ADD COLUMN budget_warning_armed BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE projects ADD COLUMN budget_reached_armed BOOLEAN NOT NULL DEFAULT TRUE;

-- What the projection reads, bounded by open work and recent history: a project's open
-- assignments, and its latest measured judgments (the estimate of an open one).
CREATE INDEX assignments_project_status_idx ON assignments (project_id, status);
CREATE INDEX time_entries_project_idx ON time_entries (project_id, created_at);
CREATE INDEX timesheets_project_idx ON timesheets (project_id);
