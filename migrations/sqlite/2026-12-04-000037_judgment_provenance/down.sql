ALTER TABLE project_slices DROP COLUMN reliability_low_since;
ALTER TABLE assignments DROP COLUMN standing_at_submit;
