//! The routing sweep and the deadline sweep, recurring jobs (`routing.sweep_interval_secs`),
//! and the two jobs that follow a project's budget (it reached its cap; it allows work
//! again).
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
    // A project's budget (README "Budget"): the projects feature enqueues these in the
    // transaction that moved the budget's state; routing owns the items they change.
    r.register(Job::new(
        crate::projects::budget::BUDGET_REACHED_JOB,
        Queue::Default,
        budget_reached,
    ));
    r.register(Job::new(
        crate::projects::budget::BUDGET_RESUMED_JOB,
        Queue::Default,
        budget_resumed,
    ));
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

/// Marks the waiting items of a project that reached its budget cap.
async fn budget_reached(ctx: JobCtx, payload: String) -> anyhow::Result<()> {
    let job: crate::projects::budget::BudgetJob = serde_json::from_str(&payload)?;
    let now = ctx.clock.now();
    let settings = ctx.settings.clone();
    let n = ctx
        .db
        .read(move |conn| {
            super::service::mark_budget_waiting(conn, now, &settings, &job.project)
                .map_err(|e| anyhow::anyhow!("{e}"))
        })
        .await?;
    tracing::info!(items = n, "items wait for the project's budget");
    Ok(())
}

/// Routes the waiting items of a project whose budget allows new work again.
async fn budget_resumed(ctx: JobCtx, payload: String) -> anyhow::Result<()> {
    let job: crate::projects::budget::BudgetJob = serde_json::from_str(&payload)?;
    let now = ctx.clock.now();
    let settings = ctx.settings.clone();
    ctx.db
        .read(move |conn| {
            super::service::resume_budget(conn, now, &settings, &job.project)
                .map_err(|e| anyhow::anyhow!("{e}"))
        })
        .await?;
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
