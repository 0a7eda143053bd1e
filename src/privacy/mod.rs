//! Personal data (docs/adr/0010-personal-data-and-files.md): an expert deletes their account.
//!
//! Account deletion touches the personal data of many features; each owner erases its own
//! rows through its facade and this feature only orders the calls, in one transaction: the
//! profile is anonymised ([`crate::experts`]), evidence files are deleted and credentials
//! keep only what scoring and history need ([`crate::credentials`]), availability and
//! the calendar feed are deleted with future shifts cancelled and re-planned
//! ([`crate::scheduling`]), the user can no longer log in ([`crate::auth`]) and leaves
//! every organisation ([`crate::orgs`], [`crate::rosters`]), and mail addressed to them
//! is dropped or scrubbed ([`crate::mail`]). Audit and ledger rows keep ids, never
//! personal data. Owns no table.

pub mod routes;
pub mod service;
