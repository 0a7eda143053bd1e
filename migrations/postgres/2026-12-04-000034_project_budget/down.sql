DROP INDEX timesheets_project_idx;
DROP INDEX time_entries_project_idx;
DROP INDEX assignments_project_status_idx;
ALTER TABLE projects DROP COLUMN budget_reached_armed;
ALTER TABLE projects DROP COLUMN budget_warning_armed;
ALTER TABLE projects DROP COLUMN budget_state;
