DROP TABLE job_schedules;
DROP TABLE credential_email_checks;
DROP INDEX credentials_expiry_idx;
ALTER TABLE credentials DROP COLUMN expiry_reminded_at;
ALTER TABLE credentials DROP COLUMN issuer_domain;
