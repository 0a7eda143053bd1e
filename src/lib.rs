//! Cadre: a self-hosted backend for an expert-workforce marketplace for AI data work.
//!
//! Layout (see docs/architecture.md and docs/adr/): the shared edges — [`http`] (errors,
//! extractors, OpenAPI), [`db`] (connections, schema, migrations), [`auth`] (identity and
//! access), [`jobs`] (the outbox and its worker), [`mail`] — and one folder per mission area
//! ([`orgs`], [`audit`], and the features built on them).

// The unwrap/expect/panic denials live in Cargo.toml's [lints] table.

pub mod appeals;
pub mod assessments;
pub mod assignments;
pub mod audit;
pub mod auth;
pub mod bulk;
pub mod calibration;
pub mod clock;
pub mod config;
pub mod country;
pub mod credentials;
pub mod db;
pub mod demo;
pub mod error;
pub mod experts;
pub mod gold;
pub mod http;
pub mod ids;
pub mod jobs;
pub mod mail;
pub mod money;
pub mod orgs;
pub mod payments;
pub mod privacy;
pub mod projects;
pub mod rosters;
pub mod routing;
pub mod scheduling;
pub mod scoring;
pub mod standings;
pub mod startup;
pub mod state;
pub mod taxonomy;
pub mod telemetry;
pub mod web;
pub mod webhooks;
pub mod worker;

pub use startup::Application;
