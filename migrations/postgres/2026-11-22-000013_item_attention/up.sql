-- The reason the lab was last told an item needs attention (item.needs_attention), so a
-- routing sweep that retries a waiting item does not notify again; cleared once it is assigned.
ALTER TABLE items ADD COLUMN attention_reason TEXT NULL;
