-- Outbound webhooks (DESIGN "Outbound webhooks"): a lab's endpoints, the deliveries of each
-- event to each endpoint, and every attempt with its (truncated) response.

CREATE TABLE webhook_endpoints (
    id                          TEXT PRIMARY KEY,
    org_id                      TEXT NOT NULL REFERENCES orgs(id),
    url                         TEXT NOT NULL,
    description                 TEXT NOT NULL DEFAULT '',
    -- JSON array of event types.
    events                      TEXT NOT NULL,
    -- Signing secret; after a rotation the previous one also signs until it expires.
    secret                      TEXT NOT NULL,
    previous_secret             TEXT NULL,
    previous_secret_expires_at  TIMESTAMP NULL,
    enabled                     BOOLEAN NOT NULL DEFAULT TRUE,
    created_by                  TEXT NOT NULL REFERENCES users(id),
    created_at                  TIMESTAMP NOT NULL,
    updated_at                  TIMESTAMP NOT NULL,
    deleted_at                  TIMESTAMP NULL
);
CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id, id);

CREATE TABLE webhook_deliveries (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES orgs(id),
    endpoint_id         TEXT NOT NULL REFERENCES webhook_endpoints(id),
    event_id            TEXT NOT NULL,
    event_type          TEXT NOT NULL,
    -- The exact body sent on every attempt.
    payload             TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    -- Attempts allowed before it is marked failed (raised by a manual redeliver).
    attempt_limit       INTEGER NOT NULL,
    next_attempt_at     TIMESTAMP NULL,
    last_status_code    INTEGER NULL,
    last_error          TEXT NULL,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    delivered_at        TIMESTAMP NULL
);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id);

CREATE TABLE webhook_attempts (
    id              TEXT PRIMARY KEY,
    delivery_id     TEXT NOT NULL REFERENCES webhook_deliveries(id),
    attempted_at    TIMESTAMP NOT NULL,
    status_code     INTEGER NULL,
    error           TEXT NULL,
    response_body   TEXT NULL,
    duration_ms     BIGINT NOT NULL
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);
