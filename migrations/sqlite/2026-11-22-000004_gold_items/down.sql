DROP TABLE gold_items;
