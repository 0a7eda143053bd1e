UPDATE job_schedules SET queue = 'default' WHERE kind = 'payments.payout_run';
ALTER TABLE time_entries DROP COLUMN pay_currency;
ALTER TABLE time_entries DROP COLUMN pay_minor;
