ALTER TABLE time_entries DROP COLUMN pay_currency;
ALTER TABLE time_entries DROP COLUMN pay_minor;
