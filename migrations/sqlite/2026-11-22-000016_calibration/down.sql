DELETE FROM job_schedules WHERE kind = 'scoring.sweep';
DROP TABLE slice_health;
DROP INDEX assignments_calibration_idx;
ALTER TABLE assignments DROP COLUMN calibration_session_id;
DROP TABLE calibration_participants;
DROP TABLE calibration_sessions;
