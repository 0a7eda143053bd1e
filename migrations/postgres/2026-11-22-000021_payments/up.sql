-- Hourly payment (README "Hourly payment"): pay rates, vendor agreements, weekly
-- timesheets, lab invoices, payout accounts (Stripe Connect), payouts and the Stripe
-- events already processed.

-- An expert's pay rate for a project, in the project's currency: fixed when they are first
-- routed to it; a later change of their rate applies from the next timesheet week (a new
-- row). The rate of a week is the latest row with effective_week <= that week.
CREATE TABLE pay_rates (
    id TEXT PRIMARY KEY NOT NULL,
    expert_id TEXT NOT NULL REFERENCES experts (id),
    project_id TEXT NOT NULL REFERENCES projects (id),
    currency TEXT NOT NULL,
    pay_per_hour_minor BIGINT NOT NULL,
    -- expert_rate: the expert's own rate (same currency); standard_rate: the project's bill
    -- rate net of fee and margin (the expert quotes another currency; Cadre does no FX).
    basis TEXT NOT NULL CHECK (basis IN ('expert_rate', 'standard_rate')),
    effective_week TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (expert_id, project_id, effective_week)
);

-- A vendor's margin, in basis points of the bill (payments.vendor_margin_bps without one).
CREATE TABLE vendor_agreements (
    vendor_org_id TEXT PRIMARY KEY NOT NULL REFERENCES orgs (id),
    margin_bps BIGINT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);

-- One sheet per expert, project, week and vendor (the roster the work was done on).
CREATE TABLE timesheets (
    id TEXT PRIMARY KEY NOT NULL,
    expert_id TEXT NOT NULL REFERENCES experts (id),
    project_id TEXT NOT NULL REFERENCES projects (id),
    org_id TEXT NOT NULL REFERENCES orgs (id),
    vendor_org_id TEXT NULL REFERENCES orgs (id),
    currency TEXT NOT NULL,
    week_start TIMESTAMP NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'submitted', 'approved', 'disputed')),
    -- The rates, fixed when the sheet is submitted (what the lab approves).
    bill_rate_minor BIGINT NULL,
    pay_rate_minor BIGINT NULL,
    platform_fee_bps BIGINT NULL,
    vendor_margin_bps BIGINT NULL,
    pay_floor_per_hour_minor BIGINT NULL,
    floor_top_up_minor BIGINT NOT NULL,
    submitted_at TIMESTAMP NULL,
    auto_approve_at TIMESTAMP NULL,
    disputed_at TIMESTAMP NULL,
    approved_at TIMESTAMP NULL,
    -- lab, system (auto-approval) or platform (dispute resolved).
    approved_by_type TEXT NULL,
    approved_by TEXT NULL,
    resolution_note TEXT NULL,
    invoice_id TEXT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX timesheets_key_idx ON timesheets (expert_id, project_id, week_start, COALESCE(vendor_org_id, ''));
CREATE INDEX timesheets_status_idx ON timesheets (status, week_start);
CREATE INDEX timesheets_org_idx ON timesheets (org_id, id);
CREATE INDEX timesheets_vendor_idx ON timesheets (vendor_org_id, id);
CREATE INDEX timesheets_invoice_idx ON timesheets (invoice_id);

-- A sheet's lines, one per slice: the measured seconds and, once approved, the money.
CREATE TABLE timesheet_lines (
    id TEXT PRIMARY KEY NOT NULL,
    timesheet_id TEXT NOT NULL REFERENCES timesheets (id),
    slice_id TEXT NOT NULL REFERENCES slices (id),
    entries INTEGER NOT NULL,
    measured_seconds BIGINT NOT NULL,
    -- Set by a platform admin resolving a dispute (NULL: the measured seconds stand).
    approved_seconds BIGINT NULL,
    dispute_reason TEXT NULL,
    bill_minor BIGINT NULL,
    pay_minor BIGINT NULL,
    vendor_margin_minor BIGINT NULL,
    platform_minor BIGINT NULL,
    ledger_transaction_id TEXT NULL,
    UNIQUE (timesheet_id, slice_id)
);

CREATE TABLE invoices (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'paid')),
    period_start TIMESTAMP NOT NULL,
    period_end TIMESTAMP NOT NULL,
    total_minor BIGINT NOT NULL,
    -- stripe (a PaymentIntent the lab confirms) or manual (marked paid by a platform admin).
    collection TEXT NOT NULL CHECK (collection IN ('stripe', 'manual')),
    stripe_payment_intent_id TEXT NULL,
    stripe_client_secret TEXT NULL,
    issued_at TIMESTAMP NOT NULL,
    paid_at TIMESTAMP NULL,
    paid_reference TEXT NULL,
    paid_by TEXT NULL
);
CREATE INDEX invoices_org_idx ON invoices (org_id, id);
CREATE UNIQUE INDEX invoices_payment_intent_idx ON invoices (stripe_payment_intent_id);

CREATE TABLE invoice_lines (
    id TEXT PRIMARY KEY NOT NULL,
    invoice_id TEXT NOT NULL REFERENCES invoices (id),
    project_id TEXT NOT NULL REFERENCES projects (id),
    slice_id TEXT NOT NULL REFERENCES slices (id),
    bill_rate_minor BIGINT NOT NULL,
    seconds BIGINT NOT NULL,
    timesheets INTEGER NOT NULL,
    amount_minor BIGINT NOT NULL,
    UNIQUE (invoice_id, project_id, slice_id, bill_rate_minor)
);

-- An expert's Stripe Connect account (Express), its status from account.updated.
CREATE TABLE payout_accounts (
    expert_id TEXT PRIMARY KEY NOT NULL REFERENCES experts (id),
    stripe_account_id TEXT NOT NULL UNIQUE,
    details_submitted BOOLEAN NOT NULL,
    payouts_enabled BOOLEAN NOT NULL,
    -- JSON list of requirement names Stripe still needs.
    requirements_due TEXT NOT NULL,
    -- The latest bank payout Stripe reported on the account (payout.paid / payout.failed).
    last_bank_payout_status TEXT NULL,
    last_bank_payout_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- pending -> submitted -> paid | failed (stripe); pending -> paid (manual settlement).
CREATE TABLE payouts (
    id TEXT PRIMARY KEY NOT NULL,
    expert_id TEXT NOT NULL REFERENCES experts (id),
    currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('stripe', 'manual')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'submitted', 'paid', 'failed')),
    stripe_account_id TEXT NULL,
    stripe_transfer_id TEXT NULL,
    -- Sent with every attempt of the transfer: Stripe answers a repeat with the first result.
    idempotency_key TEXT NOT NULL UNIQUE,
    attempts INTEGER NOT NULL,
    -- A run sending the transfer holds the payout until then (a crashed run's claim lapses).
    claimed_until TIMESTAMP NULL,
    last_error TEXT NULL,
    -- The failed payout this one pays again.
    retry_of TEXT NULL REFERENCES payouts (id),
    ledger_transaction_id TEXT NULL,
    created_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP NULL,
    paid_at TIMESTAMP NULL,
    failed_at TIMESTAMP NULL,
    paid_reference TEXT NULL,
    paid_by TEXT NULL
);
CREATE INDEX payouts_expert_idx ON payouts (expert_id, id);
CREATE INDEX payouts_status_idx ON payouts (status, id);
-- At most one unsent payout per expert and currency.
CREATE UNIQUE INDEX payouts_pending_idx ON payouts (expert_id, currency) WHERE status = 'pending';
CREATE UNIQUE INDEX payouts_transfer_idx ON payouts (stripe_transfer_id);

-- Stripe events already processed (each is handled once; redeliveries are acknowledged).
CREATE TABLE stripe_events (
    id TEXT PRIMARY KEY NOT NULL,
    type TEXT NOT NULL,
    -- processed, or ignored (a type Cadre does not act on)
    outcome TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL
);

-- Payout runs and invoice runs update this row first, so they are serialised on both engines.
CREATE TABLE payments_lock (
    id INTEGER PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL
);
INSERT INTO payments_lock (id, version) VALUES (1, 0);

INSERT INTO job_schedules (kind, queue, next_run_at) VALUES ('payments.sweep', 'default', '1970-01-01 00:00:00');
INSERT INTO job_schedules (kind, queue, next_run_at) VALUES ('payments.payout_run', 'default', '1970-01-01 00:00:00');
