//! Hourly payment (docs/adr/0002-money-rules-and-double-entry-ledger.md).
//!
//! Pure rules: money arithmetic ([`amounts`]: pay and bill per timesheet line rounded half
//! to even, fee and margin in basis points, the pay floor), the double-entry ledger
//! ([`ledger`]: balanced transactions per currency, reversals, balances), the timesheet
//! lifecycle ([`timesheet`]) and verification of Stripe's webhook signatures
//! ([`stripe_signature`]).
//!
//! Storage and services: every table of the feature is read and written in [`store`]
//! (private; one file per table group), among them the append-only ledger (posting once
//! per source, reversals, the consistency check behind `cadre ledger check`); paid time
//! recorded from work sessions when work is submitted ([`time_entries`]); pay rates fixed
//! at first routing ([`rates`]); weekly timesheets filled from time entries, submitted,
//! approved or disputed, posted to the ledger ([`timesheets`]); lab invoices
//! ([`invoices`]); Stripe Connect payout accounts, payout runs and Stripe's webhooks
//! ([`payouts`], [`stripe`], [`webhook`]). HTTP in [`routes`].
//!
//! Owns: `ledger_transactions`, `ledger_entries`, `time_entries`, `pay_rates`, `vendor_agreements`, `timesheets`, `timesheet_lines`, `invoices`, `invoice_lines`, `payout_accounts`, `payouts`, `stripe_events`, `payments_lock`.

pub mod amounts;
pub mod invoice_routes;
pub mod invoices;
pub mod jobs;
pub mod ledger;
pub mod payout_routes;
pub mod payouts;
pub mod rates;
pub mod routes;
mod store;
pub mod stripe;
pub mod stripe_signature;
pub mod sweep;
pub mod time_entries;
pub mod timesheet;
pub mod timesheet_routes;
pub mod timesheets;
pub mod webhook;

/// What other features may use of this feature's store.
pub use store::timesheets::id_for_week as timesheet_id_for_week;
pub use store::vendor_agreements::upsert as set_vendor_margin;
pub use store::{
    Check as LedgerCheck, PostError, Posted, Source, check as check_ledger, post as post_to_ledger,
    reverse as reverse_in_ledger,
};
