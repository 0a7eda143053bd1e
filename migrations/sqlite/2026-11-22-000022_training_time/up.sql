-- Paid training time (README "Hourly payment"): assessments (paid by the platform) and
-- calibration (paid by the vendor running it, or the platform) are paid when they end,
-- without a timesheet; the entry records what it paid.
ALTER TABLE time_entries ADD COLUMN pay_minor BIGINT NULL;
ALTER TABLE time_entries ADD COLUMN pay_currency TEXT NULL;

-- Payout runs and invoice collection run on their own job queue.
UPDATE job_schedules SET queue = 'payments' WHERE kind = 'payments.payout_run';
