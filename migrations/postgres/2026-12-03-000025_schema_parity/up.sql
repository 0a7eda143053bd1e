-- Schema parity (tests/api/schema.rs): the SQLite half of this migration adds NOT NULL to
-- the primary keys SQLite let be NULL. PostgreSQL makes every primary-key column NOT NULL
-- already, so there is nothing to change here (diesel refuses an empty migration).
SELECT 1;
