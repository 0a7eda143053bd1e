-- Gold that looks like work (issue 21): a gold offer takes the place of a real offer in the
-- expert's queue and shows what that real item would have shown (its judge confidence);
-- and the lab hears once per (expert, project slice) when an expert has seen the whole
-- gold pool, until the pool grows.
CREATE TABLE gold_offers (
    assignment_id       TEXT PRIMARY KEY NOT NULL,
    project_id          TEXT NOT NULL,
    displaced_item_id   TEXT NULL,
    shown_confidence    DOUBLE NULL,
    created_at          TIMESTAMP NOT NULL
);
CREATE TABLE gold_pool_alerts (
    id          TEXT PRIMARY KEY NOT NULL,
    expert_id   TEXT NOT NULL,
    project_id  TEXT NOT NULL,
    slice_id    TEXT NOT NULL,
    pool_size   INTEGER NOT NULL,
    alerted_at  TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX gold_pool_alerts_key_idx ON gold_pool_alerts (expert_id, project_id, slice_id);
