//! Recurring jobs ("sweeps"): credential expiry, overdue assessments, routing, scoring,
//! payments (timesheets and invoices) and payout runs.
//!
//! Each recurring kind has one row in `job_schedules` (seeded by its migration). Before a
//! runner claims work it fires the schedules of its queues that are due: a conditional
//! update moves `next_run_at` forward and, in the same transaction, enqueues the job. With
//! several nodes on one database exactly one of them wins each tick. Time is the injected
//! clock, so tests make a sweep run by advancing the clock and draining the runners.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::Queue;
use crate::db::DbConn;
use crate::db::schema::{job_schedules, jobs};

/// Marks credentials expired and sends 30-day reminders.
pub const CREDENTIAL_EXPIRY_SWEEP: &str = "credentials.expiry_sweep";
/// Closes assessments whose time limit passed.
pub const CLOSE_OVERDUE_ASSESSMENTS: &str = "assessments.close_overdue";

/// Expires overdue assignments (re-routing their items) and retries queued items.
pub const ROUTING_SWEEP: &str = "routing.sweep";

/// Checks slice reliability (warnings, corrective calibration sessions) and closes
/// calibration sessions whose window ended.
pub const SCORING_SWEEP: &str = "scoring.sweep";

/// Submits ended timesheet weeks, auto-approves undisputed sheets, issues weekly invoices.
pub const PAYMENTS_SWEEP: &str = "payments.sweep";

/// Pays experts' approved, unpaid amounts (every `payments.payout_interval_days`).
pub const PAYOUT_RUN: &str = "payments.payout_run";

/// The recurring kinds this build knows (rows for other kinds are left alone).
pub const RECURRING: [(&str, Queue); 6] = [
    (CREDENTIAL_EXPIRY_SWEEP, Queue::Default),
    (CLOSE_OVERDUE_ASSESSMENTS, Queue::Default),
    (ROUTING_SWEEP, Queue::Default),
    (SCORING_SWEEP, Queue::Default),
    (PAYMENTS_SWEEP, Queue::Default),
    (PAYOUT_RUN, Queue::Payments),
];

/// Fires every due schedule of `queues`; returns how many jobs it enqueued.
pub fn fire_due(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    queues: &[&str],
    every: impl Fn(&str) -> Duration,
) -> anyhow::Result<usize> {
    let t = now.naive_utc();
    let mut fired = 0;
    for (kind, queue) in RECURRING {
        if !queues.contains(&queue.as_str()) {
            continue;
        }
        let next: Option<NaiveDateTime> = job_schedules::table
            .find(kind)
            .select(job_schedules::next_run_at)
            .first(conn)
            .optional()?;
        let Some(next) = next else { continue };
        if next > t {
            continue;
        }
        let won = diesel::update(
            job_schedules::table
                .find(kind)
                .filter(job_schedules::next_run_at.eq(next)),
        )
        .set((
            job_schedules::next_run_at.eq(t + every(kind)),
            job_schedules::last_run_at.eq(Some(t)),
        ))
        .execute(conn)?;
        // A sweep still queued or running (slow, or retrying) covers this tick too.
        let pending: i64 = jobs::table
            .filter(jobs::kind.eq(kind))
            .filter(jobs::status.eq_any(["queued", "running"]))
            .count()
            .get_result(conn)?;
        if won == 1 && pending == 0 {
            super::enqueue(conn, now, queue, kind, &serde_json::json!({}))?;
            fired += 1;
        }
    }
    Ok(fired)
}
