//! Experts: the application and profile an expert keeps, and the vetting pipeline admins
//! move them through. An expert sees and edits their own profile; their vendor's admins see
//! their roster; platform admins see everyone. Labs will only ever see the pseudonymous
//! `handle` (contact details only with the expert's consent).
//!
//! Owns: `experts`, `vetting_transitions`.

pub mod card;
pub mod erase;
pub mod routes;
pub mod service;
mod store;
pub mod vetting;

/// What other features may use of this feature's store.
pub use store::{
    ExpertRow, Profile, all_open_counts, find as find_expert, find_by_user as find_expert_by_user,
    free_slot, handles_of, lock as lock_expert, open_count, open_counts, set_vendor, take_slot,
};
