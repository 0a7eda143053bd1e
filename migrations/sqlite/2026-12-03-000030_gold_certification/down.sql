DROP TABLE lab_standings;
ALTER TABLE gold_items DROP COLUMN certified_by;
ALTER TABLE gold_items DROP COLUMN certified_at;
