//! Cadre's black-box API tests: one binary, one module per area. Every test runs on
//! SQLite and, with `TEST_POSTGRES_URL`, on PostgreSQL (see `helpers::on_both`).

// Test and benchmark code may unwrap: a failed assumption is the run failing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod helpers;

mod accounts;
mod architecture;

mod assessments;
mod audit;
mod auth;
mod authz_matrix;
mod budget;
mod credentials;
mod deadlines;
mod demo;
mod errors;
mod experts;
mod gold;
mod gold_blind;
mod gold_counts;
mod integrity;
mod item_lifecycle;
mod items;
mod jobs;
mod ledger;
mod ops;
mod orgs;
mod pages;
mod payments;
mod projects;
mod results;
mod rosters;
mod routing;
mod scheduling;
mod schema;
mod scoring;
mod stripe_standin;
mod taxonomy;
mod vendor_duties;
mod webhooks;
mod work_queue;
mod workbench;
