//! Per-slice standing of an expert: the **slice status** (`none → probation → qualified`,
//! `suspended`) and the **tier** (`annotator`, `senior`, `adjudicator`). See
//! docs/adr/0005-two-kinds-of-status.md: this is not the vetting status. Passing a
//! qualification assessment puts an expert on probation; admins change status and tier with a
//! reason; scoring will change status from measured accuracy. Every change is one conditional
//! update, recorded as an event with its reason and numbers, audited, and e-mailed to the
//! expert.
//!
//! **Whose gold counts where** (issue 21; docs/adr/0007-gold-is-blind-and-certified.md). The
//! standing in a slice (`slice_standings`) is what every lab's routing reads, so only evidence
//! every lab can trust moves it: the platform's gold and assessments, calibration, agreement
//! signals, a lab's gold in the lab's own private slice, and a lab's gold a platform admin has
//! certified (`PUT /v1/gold-items/{id}/certification`, audited). A lab's *uncertified* gold in
//! a slice it does not own feeds only the expert's standing with that lab (`lab_standings`: one
//! decayed tally per expert, slice and lab). When that tally's lower bound falls below
//! `scoring.suspend_lower_bound` (with `scoring.min_gold_answers` decayed answers), the
//! standing with the lab is `suspended` and routing offers the expert none of that lab's items
//! in the slice; the shared status, the routing posterior and every other lab's projects are
//! untouched. It can only bar, never qualify. An overturned gold answer corrects the tally it
//! counted in and re-evaluates that status.
//!
//! Owns: `slice_standings`, `slice_standing_events`, `lab_standings`.

pub mod routes;
pub mod rules;
pub mod service;
mod store;
pub mod views;

/// What other features may use of this feature's store.
pub use store::{
    LabStandingRow, LabTally, StandingRow, UNDRAWN, expire_samples, find as find_standing,
    find_event as find_standing_event, find_lab as find_lab_standing, lab_standings_of,
    lab_suspended, list_for_expert as standings_of_expert, lock_lab as lock_lab_standing, rekey,
    reset_lab_tallies, reset_posteriors, save_lab as save_lab_standing, set_posterior, set_sample,
};
