//! Per-slice standing of an expert: the **slice status** (`none → probation → qualified`,
//! `suspended`) and the **tier** (`annotator`, `senior`, `adjudicator`). See DESIGN, "Two
//! kinds of status": this is not the vetting status. Passing a qualification assessment
//! puts an expert on probation; admins change status and tier with a reason; scoring will
//! change status from measured accuracy. Every change is one conditional update, recorded
//! as an event with its reason and numbers, audited, and e-mailed to the expert.
//!
//! Owns: `slice_standings`, `slice_standing_events`.

pub mod routes;
pub mod rules;
pub mod service;
mod store;
pub mod views;

/// What other features may use of this feature's store.
pub use store::{
    StandingRow, UNDRAWN, expire_samples, find as find_standing, find_event as find_standing_event,
    list_for_expert as standings_of_expert, rekey, reset_posteriors, set_posterior, set_sample,
};
