DELETE FROM job_schedules WHERE kind = 'assessments.close_overdue';
DROP TABLE assignments;
DROP TABLE assessments;
DROP TABLE slice_standing_events;
DROP TABLE slice_standings;
