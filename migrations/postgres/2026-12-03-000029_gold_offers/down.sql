DROP TABLE gold_pool_alerts;
DROP TABLE gold_offers;
