DELETE FROM email_tokens WHERE purpose <> 'verify_email';
CREATE TABLE email_tokens_new (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email')),
    email       TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP NULL
);
INSERT INTO email_tokens_new (id, user_id, purpose, email, token_hash, created_at, expires_at, used_at)
    SELECT id, user_id, purpose, email, token_hash, created_at, expires_at, used_at FROM email_tokens;
DROP TABLE email_tokens;
ALTER TABLE email_tokens_new RENAME TO email_tokens;
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id);
