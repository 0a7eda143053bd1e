//! Gold items: items with known answers, per slice. A lab uploads gold for its own
//! projects (used only there); a vendor uploads calibration material; the platform keeps
//! each shared slice's qualification-assessment pool. Answers are validated against the
//! slice's label schema and stored typed for scoring.
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
