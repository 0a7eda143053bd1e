DROP INDEX slice_standings_draws_idx;
ALTER TABLE slice_standings DROP COLUMN theta_drawn_at;
ALTER TABLE slice_standings DROP COLUMN theta;
