-- The double-entry ledger (README "The ledger"): every money movement is one transaction
-- whose entries sum to zero per currency. Rows are never updated or deleted (triggers
-- below refuse it); a correction is a new transaction that reverses the old one.
CREATE TABLE ledger_transactions (
    id TEXT PRIMARY KEY NOT NULL,
    -- timesheet_line | pay_floor | invoice_paid | payout_sent | reversal
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    -- What caused it (a timesheet line, an invoice, a payout…): one transaction of a kind
    -- per source, so a retried step cannot post twice.
    source_type TEXT NOT NULL,
    source_id TEXT NOT NULL,
    -- The transaction this one reverses (each is reversed at most once).
    reverses TEXT NULL REFERENCES ledger_transactions (id),
    created_by TEXT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX ledger_transactions_source_idx ON ledger_transactions (kind, source_type, source_id);
CREATE UNIQUE INDEX ledger_transactions_reverses_idx ON ledger_transactions (reverses);

CREATE TABLE ledger_entries (
    id TEXT PRIMARY KEY NOT NULL,
    transaction_id TEXT NOT NULL REFERENCES ledger_transactions (id),
    -- lab_receivable | platform_revenue | vendor_payable | expert_payable | cash_stripe
    account_kind TEXT NOT NULL,
    -- The lab, vendor or expert; NULL for the platform's and Stripe's accounts.
    owner_id TEXT NULL,
    currency TEXT NOT NULL,
    -- Minor units: positive debits, negative credits.
    amount BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX ledger_entries_account_idx ON ledger_entries (account_kind, owner_id, currency);
CREATE INDEX ledger_entries_transaction_idx ON ledger_entries (transaction_id);

CREATE FUNCTION ledger_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % is refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_transactions_immutable BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();
