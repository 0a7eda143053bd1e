//! The scheduling jobs: shift reminders, offer expiry and re-planning a capacity request,
//! each in one write transaction.

use chrono::{DateTime, Utc};

use super::service::{
    self, OFFER_EXPIRY, REPLAN, ReminderJob, RequestJob, SHIFT_REMINDER, ShiftJob,
};
use crate::config::Settings;
use crate::db::DbConn;
use crate::error::AppResult;
use crate::jobs::{Job, JobRegistry, Queue};
use crate::worker::{JobCtx, JobEnv};

pub fn register(r: &mut JobRegistry<JobEnv>) {
    r.register(Job::new(SHIFT_REMINDER, Queue::Default, remind));
    r.register(Job::new(OFFER_EXPIRY, Queue::Default, expire_offer));
    r.register(Job::new(REPLAN, Queue::Default, replan));
}

async fn remind(ctx: JobCtx, payload: String) -> anyhow::Result<()> {
    let j: ReminderJob = serde_json::from_str(&payload)?;
    in_transaction(&ctx, move |conn, now, _| service::remind(conn, now, &j)).await
}

async fn expire_offer(ctx: JobCtx, payload: String) -> anyhow::Result<()> {
    let j: ShiftJob = serde_json::from_str(&payload)?;
    in_transaction(&ctx, move |conn, now, settings| {
        service::expire_offer(conn, now, settings, &j)
    })
    .await
}

async fn replan(ctx: JobCtx, payload: String) -> anyhow::Result<()> {
    let j: RequestJob = serde_json::from_str(&payload)?;
    in_transaction(&ctx, move |conn, now, settings| {
        service::replan(conn, now, settings, &j)
    })
    .await
}

/// Runs a scheduling job in one write transaction at the clock's current time.
async fn in_transaction(
    ctx: &JobCtx,
    f: impl FnOnce(&mut DbConn, DateTime<Utc>, &Settings) -> AppResult<usize> + Send + 'static,
) -> anyhow::Result<()> {
    let n = ctx
        .in_transaction(move |conn, now, settings| {
            f(conn, now, settings).map_err(|e| anyhow::anyhow!("{e}"))
        })
        .await?;
    tracing::info!(changed = n, "scheduling job finished");
    Ok(())
}
