-- Routing reads the candidate table in score order (README "How routing decides"): each
-- standing keeps a pre-drawn Thompson sample `theta`, and `score_bound` becomes the
-- candidate's routing key, w_perf·theta − w_load·open/cap, kept current as the expert's load
-- changes; while no sample is drawn it holds 1e9, so undrawn candidates are read first and
-- drawn then.
ALTER TABLE slice_standings ADD COLUMN theta DOUBLE PRECISION NULL;
ALTER TABLE slice_standings ADD COLUMN theta_drawn_at TIMESTAMP NULL;
UPDATE slice_standings SET score_bound = 1e9;
CREATE INDEX slice_standings_draws_idx ON slice_standings (theta_drawn_at);
