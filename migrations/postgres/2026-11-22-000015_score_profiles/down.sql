DROP INDEX outcomes_assignment_idx;
DROP TABLE score_profiles;
