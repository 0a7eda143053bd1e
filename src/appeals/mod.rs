//! Appeals: an expert contests a sanction (a suspension in a slice) or a gold answer their
//! own answer was marked wrong against, with an explanation. Platform admins decide any
//! appeal; the expert's vendor admins decide appeals of sanctions; the gold item's owner
//! (the lab for project gold, the vendor for calibration material) decides appeals of its
//! gold answers. Overturning a sanction restores the status it ended; overturning a gold
//! answer replaces the answer and regrades every answer on that item, correcting every
//! affected score. The expert sees their appeals and the decisions.
//!
//! Owns: `appeals`.

mod queries;
pub mod routes;
pub mod service;
mod store;

/// What other features may use of this feature's store.
pub use store::{NewAppeal, insert as insert_appeal};
