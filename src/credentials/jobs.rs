//! The credential expiry sweep, a recurring job (`jobs.sweep_interval_secs`).

use chrono::Duration;

use crate::jobs::{Job, JobRegistry, Queue};
use crate::worker::{JobCtx, JobEnv};

/// Marks credentials expired and sends 30-day reminders.
pub const CREDENTIAL_EXPIRY_SWEEP: &str = "credentials.expiry_sweep";

pub fn register(r: &mut JobRegistry<JobEnv>) {
    r.register(
        Job::new(CREDENTIAL_EXPIRY_SWEEP, Queue::Default, sweep)
            .every(|s| Duration::seconds(s.jobs.sweep_interval_secs)),
    );
}

async fn sweep(ctx: JobCtx, _payload: String) -> anyhow::Result<()> {
    let n = ctx.in_transaction(super::expiry::sweep).await?;
    tracing::info!(changed = n, "sweep finished");
    Ok(())
}
