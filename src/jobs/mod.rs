//! The outbox. Follow-up work (e-mail, recurring sweeps, webhooks, payouts, …) is a row in
//! `jobs`, written by [`enqueue`] **in the same transaction** as the change that causes
//! it, so it happens if and only if the change commits.
//!
//! This module is generic: it must never import a feature. Each feature defines its jobs
//! ([`Job`]: kind, queue, optional period, handler) next to its code; the top-level
//! `worker` module registers them all in a [`JobRegistry`] at start-up and defines the
//! context handlers get. An unregistered kind fails with "no handler for job kind".
//!
//! A [`runner::JobRunner`] claims due jobs with a lease by a conditional update
//! (`UPDATE … WHERE id = ? AND attempts = ? AND <still claimable>`, row count checked),
//! which is race-free with several server processes on one PostgreSQL and on SQLite.
//! A failed job is retried with exponential backoff and parked as `dead` after
//! `jobs.max_attempts`. Delivery is at-least-once: a worker that dies mid-job leaves a
//! lease that expires, and the job runs again; handlers are written to tolerate that.
//! A live worker renews its lease while the handler runs, so a second worker never claims
//! a job that is still running.
//!
//! Owns: `jobs`, `job_schedules`.

pub mod registry;
pub mod runner;
pub mod schedule;
mod store;

pub use registry::{Job, JobContext, JobRegistry, Period};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::db::DbConn;
use crate::ids::JobId;

/// Queues are drained by their own runners, so a slow queue never delays another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    Mail,
    Default,
    /// Outbound webhook deliveries, with `webhooks.concurrency` runners of their own.
    Webhooks,
    /// Payout runs and invoice collection: calls to Stripe, which may be slow, never hold
    /// up e-mail or the sweeps.
    Payments,
}

impl Queue {
    pub const ALL: [Queue; 4] = [
        Queue::Mail,
        Queue::Default,
        Queue::Webhooks,
        Queue::Payments,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Queue::Mail => "mail",
            Queue::Default => "default",
            Queue::Webhooks => "webhooks",
            Queue::Payments => "payments",
        }
    }
}

/// Enqueues a job inside the caller's transaction; it becomes due at `now`.
pub fn enqueue<P: Serialize>(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    queue: Queue,
    kind: &str,
    payload: &P,
) -> anyhow::Result<JobId> {
    enqueue_at(conn, now, now, queue, kind, payload)
}

/// [`enqueue`], due at `run_at` instead (a scheduled retry).
pub fn enqueue_at<P: Serialize>(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    run_at: DateTime<Utc>,
    queue: Queue,
    kind: &str,
    payload: &P,
) -> anyhow::Result<JobId> {
    let payload = serde_json::to_string(payload)?;
    Ok(store::insert(conn, now, run_at, queue, kind, &payload)?)
}

/// What other features may use of this feature's store.
pub use store::{JobRow, find as find_job, list_by_kind, redact_matching};
