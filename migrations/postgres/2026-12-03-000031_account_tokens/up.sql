-- Accounts (issue 21): e-mail tokens also serve password resets and e-mail changes.
ALTER TABLE email_tokens DROP CONSTRAINT email_tokens_purpose_check;
ALTER TABLE email_tokens ADD CONSTRAINT email_tokens_purpose_check
    CHECK (purpose IN ('verify_email', 'password_reset', 'email_change'));
DROP INDEX email_tokens_user_idx;
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id, purpose);
