//! Calibration sessions (docs/adr/0006-decayed-beta-scoring.md): a fixed set of items with
//! reference answers (e.g. 50 pairs) in one slice, answered by participants within a window
//! through `calibration` assignments. Results show agreement with the reference and among the
//! participants, and which items split the group; answers feed the participants' `calibration`
//! score; passing reinstates a suspended expert to probation; repeating a session on the same
//! set measures drift. Reference answers never reach participants.
//!
//! Owns: `calibration_sessions`, `calibration_participants`.

pub mod results;
pub mod routes;
pub mod service;
mod store;

/// What other features may use of this feature's store.
pub use store::regrade_participant;
