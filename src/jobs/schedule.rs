//! Recurring jobs: the schedules of the registered jobs that have a period.
//!
//! Each recurring kind has one row in `job_schedules`, created at start-up by
//! [`ensure_schedules`] for every registered recurring job (no migration needed). Before a
//! runner claims work it fires the schedules of its queues that are due: a conditional
//! update moves `next_run_at` forward and, in the same transaction, enqueues the job. With
//! several nodes on one database exactly one of them wins each tick. Time is the injected
//! clock, so tests make a sweep run by advancing the clock and draining the runners.

use chrono::{DateTime, Duration, Utc};

use super::Queue;
use super::registry::JobRegistry;
use super::store;
use crate::db::{Db, DbConn};

/// A recurring job as the runner fires it: its kind, queue and current interval.
#[derive(Debug, Clone)]
pub struct Recurring {
    pub kind: &'static str,
    pub queue: Queue,
    pub every: Duration,
}

/// Fires every due schedule of `recurring`; returns how many jobs it enqueued.
pub fn fire_due(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    recurring: &[Recurring],
) -> anyhow::Result<usize> {
    let t = now.naive_utc();
    let mut fired = 0;
    for r in recurring {
        let kind = r.kind;
        let Some(next) = store::schedule_next_run_at(conn, kind)? else {
            continue;
        };
        if next > t {
            continue;
        }
        let won = store::advance_schedule(conn, kind, next, t + r.every, t)?;
        // A sweep still queued or running (slow, or retrying) covers this tick too.
        let pending = store::count_pending(conn, kind)?;
        if won && pending == 0 {
            super::enqueue(conn, now, r.queue, kind, &serde_json::json!({}))?;
            fired += 1;
        }
    }
    Ok(fired)
}

/// Creates the missing `job_schedules` rows of the registry's recurring jobs, due at
/// `now` (so a new recurring job first runs at once, as the migration-seeded ones did).
/// Existing rows are left alone. Safe with several nodes starting at once.
pub async fn ensure_schedules<C>(
    db: &Db,
    now: DateTime<Utc>,
    registry: &JobRegistry<C>,
) -> anyhow::Result<usize> {
    let wanted: Vec<(&'static str, Queue)> = registry
        .recurring()
        .map(|j| (j.kind(), j.queue()))
        .collect();
    db.read(move |conn| {
        let mut created = 0;
        for (kind, queue) in wanted {
            created += store::insert_schedule_if_missing(conn, kind, queue, now.naive_utc())?;
        }
        Ok::<_, anyhow::Error>(created)
    })
    .await
}
