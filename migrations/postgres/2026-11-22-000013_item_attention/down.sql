ALTER TABLE items DROP COLUMN attention_reason;
