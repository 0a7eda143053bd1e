//! Organisations (labs and vendors), their members and roles, invitations by e-mail,
//! and the API keys labs' pipelines use. Every read and write here is scoped to one
//! organisation and checked with the caller's [`crate::auth::Principal`].
//!
//! Owns: `orgs`, `memberships`, `invitations`.

pub mod approval;
mod queries;
pub mod routes;
pub mod service;
mod store;
pub mod vendor_routes;

/// What other features may use of this feature's store.
pub use store::{
    NewInvitation, OrgRow, erase_member, find_org, insert_invitation, insert_membership,
    insert_org, lock_org, memberships_of_user,
};
