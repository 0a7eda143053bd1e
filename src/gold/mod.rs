//! Gold items: items with known answers, per slice. A lab uploads gold for its own
//! projects (used only there); a vendor uploads calibration material; the platform keeps
//! each shared slice's qualification-assessment pool. Answers are validated against the
//! slice's label schema and stored typed for scoring.
//!
//! Where a graded answer counts ([`service::counts_in`]): a lab's gold in a slice the lab
//! does not own (a shared slice) counts only in the expert's standing with that lab, until
//! a platform admin certifies the item ([`service::certify`], audited); from then on its
//! answers count in the slice's standing like the platform's gold. A lab's gold in its own
//! private slice, the platform's pool and vendor material count as they are. See
//! `standings` for the per-lab standing and routing for where it applies.
//!
//! Gold answers are never returned to experts: every endpoint here is for the owning
//! lab, vendor admins, or platform admins.
//!
//! Owns: `gold_items`.

pub mod routes;
pub mod service;
mod store;

/// What other features may use of this feature's store.
pub use store::{
    GoldRow, find as find_gold, set_answer, with_external_prefix as gold_with_external_prefix,
};
