//! Lab projects: what a lab's expert program asks for (domain, slices, pinned
//! constitution, overlap, gold rate, adjudication, deadlines, bill rate, budget and
//! conflict-of-interest exclusions), their lifecycle, and their versioned constitutions.
//! Members of the lab read; its admins write; everyone else gets 404. A project's budget
//! (projected spend against its cap, and the gate routing reads) is [`budget`].
//!
//! Owns: `projects`, `project_slices`, `constitutions`, `constitution_clauses`.

pub mod budget;
pub mod constitution;
mod queries;
pub mod routes;
pub mod service;
mod store;
pub mod views;

/// What other features may use of this feature's store.
pub use store::{
    ProjectFields, ProjectRow, clauses_of, clear_reliability_low, expiring as projects_with_expiry,
    find_constitution, find_project, list_projects, mark_reliability_low, project_slices,
};
