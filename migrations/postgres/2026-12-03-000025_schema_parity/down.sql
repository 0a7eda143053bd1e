-- Nothing to revert on PostgreSQL (see up.sql).
SELECT 1;
