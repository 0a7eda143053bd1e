//! Hourly payment (DESIGN, "Money rules" and "Hourly payment"). So far, the pure rules:
//! money arithmetic ([`amounts`]: pay and bill per timesheet line rounded half to even,
//! fee and margin in basis points, the pay floor), the double-entry ledger ([`ledger`]:
//! balanced transactions per currency, reversals, balances), the timesheet lifecycle
//! ([`timesheet`]) and verification of Stripe's webhook signatures ([`stripe_signature`]).
//! The ledger is stored append-only ([`store`]: posting once per source, reversals,
//! balances, the consistency check behind `cadre ledger check`) and read by platform
//! admins ([`routes`]: the trial balance). Paid time is recorded from work sessions when
//! work is submitted ([`time_entries`]) and shown to whoever may see it. Timesheets,
//! invoices, Stripe Connect and payouts build on these.

pub mod amounts;
pub mod ledger;
pub mod routes;
pub mod store;
pub mod stripe_signature;
pub mod time_entries;
pub mod timesheet;
