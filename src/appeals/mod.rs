//! Appeals: an expert contests a sanction (a suspension in a slice) or a gold answer their
//! own answer was marked wrong against, with an explanation. Platform admins decide any
//! appeal; the expert's vendor admins decide appeals of sanctions; appeals against a gold
//! answer are decided by the platform alone — the gold item's owner (the lab for project
//! gold, the vendor for calibration material) reads them but may not decide them (403
//! naming the rule), since it wrote the answer. Overturning a sanction restores the status
//! it ended; overturning a gold answer replaces the answer and regrades every answer on
//! that item, correcting the score in whichever standing each answer counted (the slice's,
//! or the expert's standing with the lab). The expert sees their appeals and the decisions.
//!
//! Owns: `appeals`.

mod queries;
pub mod routes;
pub mod service;
mod store;

/// What other features may use of this feature's store.
pub use store::{NewAppeal, insert as insert_appeal};
