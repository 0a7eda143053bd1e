//! Per-slice performance scoring (docs/adr/0006-decayed-beta-scoring.md): the agreement
//! statistics ([`stats`]), decayed Beta posteriors ([`beta`]) and Dawid–Skene
//! ([`dawid_skene`]), all pure code checked against reference values from established libraries
//! (`tests/fixtures/`).
//!
//! Owns: `score_profiles`, `slice_health`, `outcomes`.

pub mod beta;
pub mod dawid_skene;
pub mod health;
pub mod jobs;
pub mod profile;
mod queries;
pub mod reliability;
pub mod report;
pub mod routes;
pub mod service;
pub mod stats;
mod store;
pub mod timeliness;

/// What other features may use of this feature's store.
pub use queries::{corrections, gold_tallies};
pub use store::{NewOutcome, ScoredOutcome, find as find_profile, insert_outcome};
