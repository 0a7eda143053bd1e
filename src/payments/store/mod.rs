//! The payments feature's tables, and the only code that reads or writes them: the
//! append-only ledger ([`ledger`]), time entries, pay rates and vendor agreements,
//! timesheets and their lines, invoices and their lines, payout accounts and payouts,
//! Stripe's processed events, and the payments lock. Private to payments: its services
//! and routes call these functions; other features use the facade in `payments/mod.rs`.

pub mod invoices;
mod ledger;
pub mod lock;
pub mod payout_accounts;
pub mod payouts;
pub mod rates;
pub mod stripe_events;
pub mod time_entries;
pub mod timesheets;
pub mod vendor_agreements;

pub use ledger::{
    Check, PostError, Posted, Source, balances, check, entries_of, find as find_transaction,
    find_by_source, post, reverse,
};
