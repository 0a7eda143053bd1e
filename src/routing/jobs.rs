//! The routing sweep and the deadline sweep, recurring jobs (`routing.sweep_interval_secs`).
//!
//! It runs on a plain pooled connection, never inside one outer transaction:
//! [`super::service::sweep`] commits each unit (an expiry, an offer) in its own short write
//! transaction, so one slow or failing unit neither holds the write lock for the whole
//! sweep nor undoes the others. Routing itself is event-driven; the sweep only repairs.

use chrono::Duration;

use crate::jobs::{Job, JobRegistry, Queue};
use crate::worker::{JobCtx, JobEnv};

/// Expires overdue assignments (re-routing their items) and offers waiting items to experts
/// with free capacity.
pub const ROUTING_SWEEP: &str = "routing.sweep";

/// Raises items whose deadline nears on the priority curve, marks overdue items (sending
/// `item.deadline_missed`) and expires overdue items of projects that ask for it
/// ([`super::deadlines`]). Every `routing.sweep_interval_secs`.
pub const ROUTING_DEADLINES: &str = "routing.deadlines";

pub fn register(r: &mut JobRegistry<JobEnv>) {
    r.register(
        Job::new(ROUTING_SWEEP, Queue::Default, sweep)
            .every(|s| Duration::seconds(s.routing.sweep_interval_secs)),
    );
    r.register(
        Job::new(ROUTING_DEADLINES, Queue::Default, deadlines)
            .every(|s| Duration::seconds(s.routing.sweep_interval_secs)),
    );
}

async fn deadlines(ctx: JobCtx, _payload: String) -> anyhow::Result<()> {
    let now = ctx.clock.now();
    let settings = ctx.settings.clone();
    let n = ctx
        .db
        .read(move |conn| super::deadlines::sweep(conn, now, &settings))
        .await?;
    tracing::info!(changed = n, "deadline sweep finished");
    Ok(())
}

async fn sweep(ctx: JobCtx, _payload: String) -> anyhow::Result<()> {
    let now = ctx.clock.now();
    let settings = ctx.settings.clone();
    let n = ctx
        .db
        .read(move |conn| super::service::sweep(conn, now, &settings))
        .await?;
    tracing::info!(changed = n, "sweep finished");
    Ok(())
}
