//! Qualification assessments (docs/adr/0005-two-kinds-of-status.md). An expert in the
//! `assessment` or `approved` vetting stage starts an assessment for a shared slice; Cadre
//! draws `experts.assessment_items` (default 10) items at random from the slice's
//! platform-owned assessment pool that the expert has never been assessed on, as
//! assignments of role `assessment`. The expert answers them (changeable until submitted)
//! within `experts.assessment_time_limit_minutes`, then submits; grading against the gold
//! answers is automatic. Passing (`experts.assessment_pass_threshold`, default 0.8) puts
//! the expert on `probation` in the slice; failing or running out of time allows a retake
//! with different items after `experts.assessment_retake_cooldown_days`.
//!
//! What the expert learns: the score and the constitution clauses behind the items they
//! got wrong (with counts) — never which item was wrong or any gold answer, so nothing
//! about the pool leaks. Time from start to submission (capped at the time limit) is
//! recorded as the assessment's active time, for payment.
//!
//! Owns: `assessments`.

pub mod grading;
pub mod jobs;
mod queries;
pub mod routes;
pub mod service;
mod store;
pub mod views;
