//! Vendor rosters (README "Vendor rosters"): invitations into a roster, removal, leaving,
//! transfers between vendors with the expert's consent, and the membership history.
//! `experts.vendor_id` is the current roster, which every roster-scoped query reads;
//! `roster_memberships` keeps every stay.
//!
//! Owns: `roster_invitations`, `roster_memberships`.

pub mod chart_routes;
pub mod charts;
pub mod comparison;
pub mod comparison_routes;
pub mod dashboard;
pub mod dashboard_routes;
mod queries;
pub mod routes;
pub mod service;
mod store;
pub mod tiers;

/// What other features may use of this feature's store.
pub use store::{
    NewInvitation, backdate_all_memberships, erase_invitations_to, insert_invitation, join,
};
